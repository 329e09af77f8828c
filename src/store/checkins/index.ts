export { CosmosCheckInRepository } from './checkInRepository';
export { CosmosPersonalDataStore } from './personalDataStore';

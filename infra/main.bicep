// Group Coach on Azure: a Linux App Service (Node 20) running the bot, an Azure Bot with the Teams and
// Direct Line channels, a serverless Cosmos DB (NoSQL) account, and one user-assigned managed identity
// that is both the bot's app identity and the app's way into Cosmos (no keys, no passwords).
//
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json

targetScope = 'resourceGroup'

@description('Short lowercase prefix for resource names (letters and digits, 3-12 characters).')
@minLength(3)
@maxLength(12)
param baseName string = 'groupcoach'

@description('Region for everything except the bot registration, which is global.')
param location string = resourceGroup().location

@description('App Service plan size. B1 is the smallest with Always On, which the scheduler needs.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier. F0 is free and covers the Teams and Direct Line channels.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name shown for the bot in the Azure Bot resource.')
param botDisplayName string = 'Group Coach'

@description('Cosmos DB database name; must match COSMOS_DATABASE.')
param cosmosDatabaseName string = 'groupcoach'

var suffix = uniqueString(resourceGroup().id)
var identityName = '${baseName}-id-${suffix}'
var cosmosAccountName = toLower('${baseName}-cosmos-${suffix}')
var planName = '${baseName}-plan-${suffix}'
var webAppName = '${baseName}-app-${suffix}'
var botName = '${baseName}-bot-${suffix}'

// Partition keys as the app's store expects them (src/store/cosmosClient.ts).
var containers = [
  {
    name: 'groups'
    partitionKey: '/groupId'
  }
  {
    name: 'users'
    partitionKey: '/userId'
    // TTL on, per document: check-ins carry their own `ttl` (CHECKIN_TTL_DAYS); other documents none.
    defaultTtl: -1
  }
  {
    name: 'jobs'
    partitionKey: '/pk'
  }
  {
    name: 'botstate'
    partitionKey: '/id'
  }
]

// Built-in "Cosmos DB Built-in Data Contributor" (data plane: read and write items, no account keys).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: cosmosAccountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    // Keys are off: only Microsoft Entra identities with a data-plane role get in.
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
  }
}

// Created here because the data-plane role cannot create databases or containers;
// the app's createIfNotExists then only reads them.
resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: {
          paths: [
            c.partitionKey
          ]
          kind: 'Hash'
        }
        // -1: documents carry their own `ttl` (finished jobs, stale dialog states); the rest never expire.
        defaultTtl: -1
      }
    }
  }
]

resource cosmosRoleAssignment 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // The zip already holds the compiled app and its production node_modules; `npm start` would rebuild.
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          // DefaultAzureCredential (Cosmos access) picks the user-assigned identity by this client id.
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmos.properties.documentEndpoint
        }
        {
          name: 'COSMOS_DATABASE'
          value: cosmosDatabaseName
        }
        {
          // The deployed zip is already built; no Oryx build on the server.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
  dependsOn: [
    cosmosContainers
    cosmosRoleAssignment
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Web chat'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
        }
      ]
    }
  }
}

@description('Put this in .env as MicrosoftAppId before `npm run package:teams`.')
output botAppId string = identity.properties.clientId
output tenantId string = identity.properties.tenantId
output webAppName string = webApp.name
output messagingEndpoint string = 'https://${webApp.properties.defaultHostName}/api/messages'
output botName string = bot.name
output cosmosEndpoint string = cosmos.properties.documentEndpoint
output cosmosAccountName string = cosmos.name

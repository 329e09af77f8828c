/**
 * The layering of Group Coach, checked in `npm test` (npm run arch). A violation fails with the
 * rule's name. Layers: http → bot → dialogs → services → domain; services reach the store only
 * through the interfaces in services/<feature>/ports.ts; scheduler → services.
 */
const layered = '^(?:src/(?:domain|services|store|cards)|dialogs)/';
const features = '(?:people|groups|meetings|reminders|activities|checkins|leader|outcomes)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports nothing of the project but the domain.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^(?:src|dialogs)/', pathNot: '^src/domain/' },
    },
    {
      name: 'botbuilder-only-at-the-edge',
      comment: 'botbuilder and botframework-* only in src/bot, dialogs, src/http and the dialog-state storage.',
      severity: 'error',
      from: { path: '^(?:src|dialogs)/', pathNot: ['^src/(?:bot|http)/', '^dialogs/', '^src/store/shared/dialogStateStorage\\.[jt]s$'] },
      to: { path: 'node_modules/(?:botbuilder|botframework-)' },
    },
    {
      name: 'cosmos-only-in-store',
      comment: '@azure/cosmos only in src/store.',
      severity: 'error',
      from: { path: '^(?:src|dialogs)/', pathNot: '^src/store/' },
      to: { path: 'node_modules/@azure/cosmos' },
    },
    {
      name: 'restify-only-in-http',
      comment: 'restify only in src/http.',
      severity: 'error',
      from: { path: '^(?:src|dialogs)/', pathNot: '^src/http/' },
      to: { path: 'node_modules/restify' },
    },
    {
      name: 'services-know-no-ui',
      comment: 'Services never import cards, dialogs, the bot or botbuilder.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: ['^src/cards/', '^dialogs/', '^src/bot/', '^src/http/', 'node_modules/(?:botbuilder|botframework-)'] },
    },
    {
      name: 'services-reach-the-store-through-ports',
      comment: 'Services use the store only through the interfaces of services/<feature>/ports.ts.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-through-index',
      comment: "A feature uses another feature only through that feature's index.ts (in any layer).",
      severity: 'error',
      from: { path: `${layered}(${features})/` },
      to: { path: `${layered}${features}/`, pathNot: [`${layered}$1/`, `${layered}${features}/index\\.[jt]s$`] },
    },
    {
      name: 'outside-through-index',
      comment: "Code outside the feature folders (router, bot, scheduler, composition) uses a feature through its index.ts.",
      severity: 'error',
      from: { path: '^(?:src|dialogs)/', pathNot: `${layered}${features}/` },
      to: { path: `${layered}${features}/`, pathNot: `${layered}${features}/index\\.[jt]s$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(?:dist|node_modules)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    moduleSystems: ['cjs', 'es6'],
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.js', '.json'] },
  },
};

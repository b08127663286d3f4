/**
 * English, the reference dictionary: every key the interface uses is defined here first,
 * and the Chinese dictionary must define the same keys (the type checker enforces it).
 * Placeholders are `{name}`.
 */
export const en = {
  'app.name': 'Tierwise',
  'app.tagline': 'Know which clients matter most',
  'app.skipToContent': 'Skip to content',
  'app.loading': 'Loading…',
  'app.error': 'Something went wrong: {message}',
  'app.dismiss': 'Dismiss',

  'nav.label': 'Main',
  'nav.dashboard': 'Dashboard',
  'nav.clients': 'Clients',
  'nav.model': 'Model',
  'nav.data': 'Data',
  'nav.settings': 'Settings',

  'update.available': 'A new version of Tierwise is ready.',
  'update.reload': 'Reload to update',
  'update.later': 'Later',
  'update.waitForJob': 'The update will be ready to apply when the current job finishes.',
  'update.offlineReady': 'Tierwise is installed and works offline.',
  'update.otherTab': 'Tierwise was updated in another tab. Reload this tab to keep working.',
  'update.reloadNow': 'Reload',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is nothing at this address.',
  'notFound.back': 'Go to the dashboard',

  'empty.title': 'No clients yet',
  'empty.body':
    'Load the sample data to explore Tierwise with about 60 example clients of a small studio, or go to Data to start from an empty workspace.',
  'empty.loadSample': 'Load sample data',
  'empty.goToData': 'Go to Data',

  'sample.loading': 'Generating sample data… {rows} rows written',
  'sample.loaded': 'Loaded {clients} clients and {transactions} transactions.',
  'sample.notEmpty': 'Sample data can only be loaded into an empty workspace.',

  'dashboard.title': 'Dashboard',
  'dashboard.inWorkspace': 'In this workspace',
  'dashboard.stat.clients': 'Clients',
  'dashboard.stat.transactions': 'Transactions',
  'dashboard.stat.interactions': 'Interactions',
  'dashboard.stat.feedback': 'Feedback',
  'dashboard.stat.complaints': 'Complaints',
  'dashboard.seeClients': 'See all clients',

  'clients.title': 'Clients',
  'clients.count': '{count} clients',
  'clients.column.name': 'Name',
  'clients.column.company': 'Company',
  'clients.column.email': 'Email',
  'clients.column.region': 'Region',
  'clients.column.tags': 'Tags',
  'clients.column.since': 'Client since',
  'clients.archived': 'Archived',

  'model.title': 'Scoring model',
  'model.intro':
    'How Tierwise weighs each client. A client’s composite score (0–100) is the weighted mean of its four dimension scores; each dimension is the weighted mean of its measures.',
  'model.dimensionWeight': 'Weight {weight}',
  'model.column.measure': 'Measure',
  'model.column.weight': 'Weight',
  'model.column.direction': 'Better when',
  'model.direction.higher': 'higher',
  'model.direction.lower': 'lower',
  'model.tiers': 'Tiers',
  'model.tiers.byThresholds': 'Clients are placed in tiers by composite score.',
  'model.tiers.byQuotas':
    'Clients are placed in tiers by rank, with a fixed share of clients in each tier.',
  'model.column.tier': 'Tier',
  'model.column.fromScore': 'From score',
  'model.column.quota': 'Share of clients',
  'model.abc': 'ABC classes',
  'model.abc.rule':
    'A: the clients who bring the top {a}% of revenue; B: the next {b}%; C: the rest.',
  'model.lifecycle': 'Lifecycle',
  'model.lifecycle.rule':
    'New for {newDays} days after the first purchase; dormant after {dormantDays} days without a purchase; churned after {churnedDays} days.',

  'dimension.value': 'Value',
  'dimension.needs': 'Needs',
  'dimension.loyalty': 'Loyalty',
  'dimension.potential': 'Potential',

  'metric.recencyDays': 'Days since last purchase',
  'metric.frequency': 'Purchases in the window',
  'metric.monetaryTotal': 'Revenue',
  'metric.averageOrderValue': 'Average order value',
  'metric.profit': 'Profit contribution',
  'metric.margin': 'Margin',
  'metric.clv12m': 'Predicted 12-month value',
  'metric.needTypeFit': 'Need type fit',
  'metric.needStrength': 'Need strength',
  'metric.needUrgency': 'Need urgency',
  'metric.satisfaction': 'Satisfaction',
  'metric.repurchaseRate': 'Repurchase rate',
  'metric.tenureDays': 'Tenure',
  'metric.referrals': 'Referrals given',
  'metric.openComplaints': 'Open complaints',
  'metric.onTimeShare': 'Invoices paid on time',
  'metric.meanDaysLate': 'Average days late',
  'metric.daysSinceContact': 'Days since last contact',
  'metric.budget': 'Budget',
  'metric.growthRoom': 'Growth room',
  'metric.influence': 'Industry influence',
  'metric.spendTrend': 'Spend trend',

  'data.title': 'Data',
  'data.contents': 'What this workspace holds',
  'data.column.table': 'Records',
  'data.column.count': 'Count',
  'data.table.clients': 'Clients',
  'data.table.transactions': 'Transactions',
  'data.table.interactions': 'Interactions',
  'data.table.feedback': 'Feedback',
  'data.table.complaints': 'Complaints',
  'data.sample.title': 'Sample data',
  'data.sample.body':
    'About 60 generated clients of a small design studio over three years, with invoices, contacts, satisfaction scores, a few complaints and referrals. The same every time.',
  'data.clear.title': 'Delete all data',
  'data.clear.body':
    'Deletes every client and all their records from this browser. The scoring model and settings stay.',
  'data.clear.button': 'Delete all data…',
  'data.clear.confirm': 'Delete all {count} clients and their records? This cannot be undone.',
  'data.clear.confirmButton': 'Delete everything',
  'data.clear.cancel': 'Cancel',
  'data.clear.done': 'All data deleted.',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.system': 'Browser default',
  'settings.theme': 'Theme',
  'settings.theme.system': 'System default',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.currency': 'Currency',
  'settings.currency.hint': 'Every amount in this workspace is in this currency.',
  'settings.storage': 'Storage',
  'settings.storage.persisted':
    'Persistent: the browser will not clear Tierwise’s data to free up space.',
  'settings.storage.notPersisted':
    'Not persistent: the browser may clear this data when space runs low. Installing the app helps; exported backups are the real safety net.',
  'settings.storage.usage': '{used} used of {quota} available',
  'settings.storage.unavailable': 'This browser does not report storage use.',
  'settings.storage.request': 'Ask for persistent storage',
  'settings.storage.declined':
    'The browser declined for now; it may agree once the app is installed or used more.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

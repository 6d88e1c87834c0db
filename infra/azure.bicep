// The cancellation assistant on Azure: a user-assigned managed identity that is both the bot's
// identity and the app's sign-in to storage (no secret anywhere), an App Service (Linux, Node LTS)
// running the built bundle, an Azure Bot with its Teams and Direct Line channels, a storage account
// whose lifecycle rule deletes idle conversations, and Application Insights.
// Deployed by the Microsoft 365 Agents Toolkit (m365agents.yml, `provision`) with
// azure.parameters.json, whose values come from env/.env.<environment>.
// test/infra.test.ts checks that every app setting below is a variable src/domain/config.ts reads.

@minLength(4)
@maxLength(18)
@description('Lowercase letters and digits: the start of every resource name.')
param resourceBaseName string

@maxLength(42)
param botDisplayName string = 'Cancellation assistant'

param location string = resourceGroup().location

@description('App Service plan size; B1 or larger (Always On needs a paid plan).')
param appServiceSku string = 'B1'

@description('Linux Node.js runtime: the newest LTS line App Service offers (az webapp list-runtimes --os linux).')
param linuxFxVersion string = 'NODE|24-lts'

@allowed(['F0', 'S1'])
param botServiceSku string = 'F0'

@allowed(['sv', 'en'])
param defaultLocale string = 'sv'

param defaultTimezone string = 'Europe/Stockholm'

@description('Support phone number shown to users; empty hides it.')
param supportPhone string = ''

@description('Office 365 admin portal link shown to users; empty hides it.')
param adminPortalUrl string = ''

// Whole numbers as text: the Toolkit passes every value of env/.env.<environment> as a string.
@description('Conversation state not written for this many hours is deleted (see the lifecycle rule).')
param conversationRetentionHours string = '24'

param caseRetentionDays string = '30'

@secure()
@description('Bearer token of the operator endpoints (at least 16 characters); empty turns them off.')
param adminApiKey string = ''

param operatorUserIds string = ''

param blobContainerName string = 'cancellation-assistant'

/**
 * Channels whose conversation state blobs the lifecycle rule removes. State blob names are the
 * URL-encoded state keys, `<channel>%2Fconversations%2F<id>%2F`; user state (`%2Fusers%2F`) and
 * records (`records/`) are not matched.
 */
param conversationChannels array = ['msteams', 'directline', 'webchat', 'emulator']

// Lifecycle management works in whole days and runs about once a day: a blob goes between N and
// N+1 days after its last write (N = the hours rounded up to whole days), never before.
var conversationRetentionDays = max(1, (int(conversationRetentionHours) + 23) / 24)
var storageAccountName = take(toLower('${resourceBaseName}${uniqueString(resourceGroup().id)}'), 24)
// Storage Blob Data Contributor: read, write and delete blobs, nothing else.
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    // Only Entra ID sign-in: there is no account key for anyone to leak.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: blobContainerName
  properties: { publicAccess: 'None' }
}

resource idleConversations 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-idle-conversations'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [for channel in conversationChannels: '${blobContainerName}/${channel}%2Fconversations%2F']
            }
            actions: {
              baseBlob: {
                delete: { daysAfterModificationGreaterThan: conversationRetentionDays }
              }
            }
          }
        }
      ]
    }
  }
}

resource identityWritesBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      alwaysOn: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Readiness: an instance still loading, shutting down or unable to reach storage gets no traffic.
      healthCheckPath: '/readyz'
      // The prebuilt bundle, started by node itself (no build, no npm at start-up).
      appCommandLine: 'node dist/cancellation-assistant.mjs'
      appSettings: [
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'STORAGE', value: 'blob' }
        { name: 'BLOB_ACCOUNT_URL', value: storage.properties.primaryEndpoints.blob }
        { name: 'BLOB_CONTAINER', value: blobContainerName }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'CONVERSATION_RETENTION_HOURS', value: conversationRetentionHours }
        { name: 'CASE_RETENTION_DAYS', value: caseRetentionDays }
        { name: 'DEFAULT_LOCALE', value: defaultLocale }
        { name: 'DEFAULT_TIMEZONE', value: defaultTimezone }
        { name: 'SUPPORT_PHONE', value: supportPhone }
        { name: 'ADMIN_PORTAL_URL', value: adminPortalUrl }
        { name: 'ADMIN_API_KEY', value: adminApiKey }
        { name: 'OPERATOR_USER_IDS', value: operatorUserIds }
        // Users reach the bot through Azure's channels (Teams, Direct Line), not the local page.
        { name: 'WEBCHAT_ENABLED', value: 'false' }
        // Every request comes from Azure Bot Service's addresses: the per-client limit stays generous.
        { name: 'RATE_LIMIT_CLIENT_PER_MINUTE', value: '6000' }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        // The deployed zip is already built (m365agents.yml `deploy`): App Service must not build it again.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: botServiceSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
        }
      ]
    }
  }
}

// Written to env/.env.<environment> by the Toolkit: the Teams package and `deploy` use them.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = site.properties.defaultHostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = site.id
output BLOB_ACCOUNT_URL string = storage.properties.primaryEndpoints.blob
output CONVERSATION_RETENTION_DAYS int = conversationRetentionDays

// CiN Assistant on Azure, in one resource group: the Azure Bot registration with its Teams channel, the bot in
// Azure Container Apps (at least two replicas), Azure Database for PostgreSQL (flexible server), a Key Vault
// for the three secrets, a container registry for the image, and a user-assigned identity that lets the app
// pull the image and read the secrets without any password of its own.
//
// Deploy twice (deployment/README.md): first without containerImage, which creates everything but the app, so
// the registry exists to push to; then with containerImage set. No secret has a default or goes in a
// parameters file: pass them on the command line from the environment.

targetScope = 'resourceGroup'

@description('Region for every resource except the Azure Bot registration. UK South keeps case data in the UK.')
param location string = resourceGroup().location

@description('Lower-case letters and digits that start every resource name, e.g. "cinredbridge".')
@minLength(3)
@maxLength(12)
param namePrefix string = 'cinassist'

@description('The bot\'s Entra app registration (Application (client) id): MicrosoftAppId.')
param microsoftAppId string

@description('The Entra tenant that owns the app registration (single tenant).')
param microsoftAppTenantId string = tenant().tenantId

@description('A client secret of the app registration: MicrosoftAppPassword.')
@secure()
param microsoftAppPassword string

@description('Signs download links; the same on every replica. At least 32 random characters.')
@secure()
@minLength(32)
param linkSigningSecret string

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'cinadmin'

@description('Administrator password of the PostgreSQL server.')
@secure()
@minLength(16)
param postgresAdminPassword string

@description('PostgreSQL compute size; Burstable B1ms is enough for one council.')
param postgresSku object = {
  name: 'Standard_B1ms'
  tier: 'Burstable'
}

@description('The image to run, e.g. cinassistabc123.azurecr.io/cin-assistant:0.1.0. Empty: create everything but the app.')
param containerImage string = ''

@description('Entra object ids of the first administrators, comma-separated: BOT_ADMINS.')
param botAdmins string = ''

@description('Days after a case closes before its working data is deleted. Empty keeps closed cases until an admin removes them.')
param retentionDaysAfterClosure string = ''

@description('Fewest replicas. Two keep the bot answering while one restarts; they share the database and keep no state in memory.')
@minValue(1)
param minReplicas int = 2

@description('Most replicas under load.')
@minValue(1)
param maxReplicas int = 4

@description('Where the Azure Bot registration keeps its data: global, or westeurope for the EU data boundary.')
@allowed([
  'global'
  'westeurope'
])
param botLocation string = 'global'

@description('Azure Bot pricing tier; Teams is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

var suffix = uniqueString(resourceGroup().id)
var deployApp = !empty(containerImage)
var appName = '${namePrefix}-app'
var databaseName = 'cin'
var port = 3978
// Known before the app exists, so the bot's messaging endpoint and PUBLIC_BASE_URL can be set in one pass.
var appFqdn = '${appName}.${appEnvironment.properties.defaultDomain}'
// Built-in role definition ids (the same in every tenant).
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'
var acrPullRole = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-identity'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: '${namePrefix}${suffix}'
  location: location
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
  }
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPullRole)
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRole)
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${namePrefix}-pg-${suffix}'
  location: location
  sku: postgresSku
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Public access limited to Azure's own addresses (the start and end 0.0.0.0 rule), with TLS and a password.
// A private endpoint in a virtual network is stricter; see deployment/README.md.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}-kv-${suffix}', 24)
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: microsoftAppPassword
  }
}

resource linkSigningSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'link-signing-secret'
  properties: {
    value: linkSigningSecret
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    // verify-full: Azure's server certificate chains to a public root that Node already trusts.
    value: 'postgresql://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${database.name}?sslmode=verify-full'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
  }
}

var optionalSettings = empty(retentionDaysAfterClosure)
  ? []
  : [
      {
        name: 'RETENTION_DAYS_AFTER_CLOSURE'
        value: retentionDaysAfterClosure
      }
    ]

resource app 'Microsoft.App/containerApps@2024-03-01' = if (deployApp) {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    environmentId: appEnvironment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registry.properties.loginServer
          identity: identity.id
        }
      ]
      // References, not values: the app reads each secret from Key Vault through the identity.
      secrets: [
        {
          name: 'microsoft-app-password'
          keyVaultUrl: appPasswordSecret.properties.secretUri
          identity: identity.id
        }
        {
          name: 'link-signing-secret'
          keyVaultUrl: linkSigningSecretSecret.properties.secretUri
          identity: identity.id
        }
        {
          name: 'database-url'
          keyVaultUrl: databaseUrlSecret.properties.secretUri
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'cin-assistant'
          image: containerImage
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(
            [
              {
                name: 'NODE_ENV'
                value: 'production'
              }
              {
                name: 'PORT'
                value: string(port)
              }
              {
                name: 'MicrosoftAppId'
                value: microsoftAppId
              }
              {
                name: 'MicrosoftAppType'
                value: 'SingleTenant'
              }
              {
                name: 'MicrosoftAppTenantId'
                value: microsoftAppTenantId
              }
              {
                // Only the council's own tenant is served; a request from any other gets 403.
                name: 'ALLOWED_TENANTS'
                value: microsoftAppTenantId
              }
              {
                name: 'MicrosoftAppPassword'
                secretRef: 'microsoft-app-password'
              }
              {
                name: 'LINK_SIGNING_SECRET'
                secretRef: 'link-signing-secret'
              }
              {
                name: 'DATABASE_URL'
                secretRef: 'database-url'
              }
              {
                name: 'PUBLIC_BASE_URL'
                value: 'https://${appFqdn}'
              }
              {
                name: 'BOT_ADMINS'
                value: botAdmins
              }
            ],
            optionalSettings
          )
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: port
              }
              initialDelaySeconds: 5
              periodSeconds: 5
              failureThreshold: 10
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: port
              }
              periodSeconds: 30
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: port
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: max(minReplicas, maxReplicas)
        rules: [
          {
            name: 'http-requests'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
  dependsOn: [
    acrPull
    secretsUser
    allowAzureServices
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: botLocation
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'CiN Assistant'
    endpoint: 'https://${appFqdn}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: botLocation
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Where Teams and browsers reach the bot: PUBLIC_BASE_URL, and the domain for npm run package.')
output publicBaseUrl string = 'https://${appFqdn}'

@description('The Azure Bot registration\'s messaging endpoint.')
output messagingEndpoint string = bot.properties.endpoint

@description('Push the image here: docker push <registryLoginServer>/cin-assistant:<version>.')
output registryLoginServer string = registry.properties.loginServer

output registryName string = registry.name
output keyVaultName string = vault.name
output postgresHost string = postgres.properties.fullyQualifiedDomainName
output botName string = bot.name
output appDeployed bool = deployApp

using CareFlows.Server.Auth;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Persistence;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Prepares the database before the runtime and scheduler start (hosted services start in registration order):
/// migrate, seed roles and demo users, import the workflow files.
/// </summary>
internal sealed class StartupInitializer(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DatabaseInitializer.MigrateAsync(services, cancellationToken);
        await DemoUsers.SeedAsync(services);
        await WorkflowFileImporter.ImportAsync(services, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

// Adds a migration to each provider's migration set, as `dotnet ef migrations add` would, without the dotnet-ef
// tool: usage `dotnet run --project eng/CareFlows.MigrationTool -- <Name>` from the repository root.
using System.Reflection;
using CareFlows.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: CareFlows.MigrationTool <MigrationName>");
    return 2;
}

var serverProject = Path.GetFullPath("src/CareFlows.Server");
if (!Directory.Exists(serverProject))
{
    Console.Error.WriteLine("Run from the repository root.");
    return 2;
}

foreach (var provider in Enum.GetValues<DatabaseProvider>())
{
    using var context = DesignTimeContexts.Create(provider);
    var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(context);
    ProviderDesignTimeServices(context).ConfigureDesignTimeServices(services);
    using var serviceProvider = services.BuildServiceProvider();
    var scaffolder = serviceProvider.GetRequiredService<IMigrationsScaffolder>();
    var subNamespace = $"Persistence.Migrations.{provider}";
    var migration = scaffolder.ScaffoldMigration(args[0], "CareFlows.Server", subNamespace, "C#", dryRun: false);
    var files = scaffolder.Save(serverProject, migration, Path.Combine(serverProject, "Persistence", "Migrations", provider.ToString()));
    Console.WriteLine($"{provider}: {Path.GetRelativePath(serverProject, files.MigrationFile!)}");
}

return 0;

// The provider names its design-time services in an assembly attribute, as EF's own tools discover them.
static IDesignTimeServices ProviderDesignTimeServices(DbContext context)
{
    var providerAssembly = Assembly.Load(context.Database.ProviderName!);
    var attribute = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()
        ?? throw new InvalidOperationException($"{context.Database.ProviderName} has no design-time services.");
    var type = providerAssembly.GetType(attribute.TypeName, throwOnError: true)!;
    return (IDesignTimeServices)Activator.CreateInstance(type)!;
}

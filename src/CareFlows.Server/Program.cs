using CareFlows.Server;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Access;
using CareFlows.Server.Features.Audit;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Features.Events;
using CareFlows.Server.Features.Feeds;
using CareFlows.Server.Features.Fhir;
using CareFlows.Server.Features.Instances;
using CareFlows.Server.Features.Metrics;
using CareFlows.Server.Features.Notifications;
using CareFlows.Server.Features.People;
using CareFlows.Server.Features.Tasks;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Features.TestRuns;
using CareFlows.Server.Features.Users;
using CareFlows.Server.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCareFlowsServer(builder.Configuration, builder.Environment);
builder.Services.AddCareFlowsApi(builder.Configuration);
builder.Services.AddCareFlowsFhir();

var app = builder.Build();

if (AuditCommand.IsRequested(args))
{
    return await AuditCommand.RunAsync(app.Services, Console.Out, CancellationToken.None);
}

app.UseSecurityHeaders();
app.UseCareFlowsApi();
// The web app's files are served before routing: once an endpoint is chosen, the static file middleware stands aside.
app.UseWebAppFiles();
app.UseRouting();
app.UseCareFlowsAuth();

app.MapHealth();
app.MapAuth();
app.MapDefinitions();
app.MapInstances();
app.MapEvents();
app.MapFeeds();
app.MapUsers();
app.MapPeople();
app.MapSessions();
app.MapTeams();
app.MapSavedFilters();
app.MapTasks();
app.MapInboxStream();
app.MapNotifications();
app.MapMetrics();
app.MapAudit();
app.MapAccess();
app.MapTestRuns();
app.MapFhir();
app.MapApiReference();
app.MapWebApp();

await app.RunAsync();
return 0;

/// <summary>The host's entry point, visible to the in-process test host.</summary>
public partial class Program;

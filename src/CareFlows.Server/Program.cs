using CareFlows.Server.Auth;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Features.Events;
using CareFlows.Server.Features.Instances;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Runtime;
using CareFlows.Server.Scheduling;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCareFlowsPersistence(builder.Configuration, builder.Environment);
// Hosted services start in registration order and stop in reverse: the database is prepared first, and the burst
// pipeline stops before the scheduler, so that its last commits can still schedule their timers.
builder.Services.AddHostedService<StartupInitializer>();
builder.Services.AddCareFlowsScheduling();
builder.Services.AddCareFlowsRuntime(builder.Configuration);
builder.Services.AddCareFlowsAuth(builder.Configuration);
builder.Services.AddCareFlowsApi(builder.Configuration);
builder.Services.AddScoped<DefinitionStore>();

var app = builder.Build();

app.UseCareFlowsApi();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealth();
app.MapAuth();
app.MapDefinitions();
app.MapInstances();
app.MapEvents();
app.MapApiReference();

await app.RunAsync();

/// <summary>The host's entry point, visible to the in-process test host.</summary>
public partial class Program;

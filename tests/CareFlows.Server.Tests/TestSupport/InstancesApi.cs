using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Features.Instances;
using CareFlows.Server.Features.Instances.GetInstance;
using CareFlows.Server.Features.Instances.ListInstances;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>The instance endpoints as a test calls them when the call itself is not what is tested.</summary>
public static class InstancesApi
{
    public static async Task<InstanceSnapshotResponse> StartInstanceAsync(this HttpClient client, string definitionId, string? correlationId, JsonObject? input = null)
    {
        var response = await client.PostJsonAsync("/api/instances", new { definitionId, correlationId, input });
        return await response.ReadAsync<InstanceSnapshotResponse>(HttpStatusCode.Created);
    }

    public static async Task<InstanceDetailsResponse> GetInstanceAsync(this HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/instances/{id}", TestContext.Current.CancellationToken);
        return await response.ReadAsync<InstanceDetailsResponse>(HttpStatusCode.OK);
    }

    public static async Task<InstancePageResponse> ListInstancesAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/instances?{query}", TestContext.Current.CancellationToken);
        return await response.ReadAsync<InstancePageResponse>(HttpStatusCode.OK);
    }
}

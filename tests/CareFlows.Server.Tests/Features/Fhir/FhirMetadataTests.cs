// Firely's model marks every element nullable; a missing element fails its assertion, which is what a null check would do.
#nullable disable warnings
using CareFlows.Server.Tests.TestSupport;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace CareFlows.Server.Tests.Features.Fhir;

/// <summary>GET /fhir/metadata: a CapabilityStatement anyone may read, declaring exactly the Task searches the server accepts.</summary>
public sealed class FhirMetadataTests(SqliteApp app) : FhirTests(app), IClassFixture<SqliteApp>
{
    /// <summary>A value each declared search parameter accepts; a parameter declared without one here fails the test.</summary>
    private static readonly Dictionary<string, string> SampleValues = new(StringComparer.Ordinal)
    {
        ["_id"] = "no-such-task",
        ["status"] = "ready",
        ["priority"] = "routine",
        ["owner"] = "Practitioner/someone",
        ["patient"] = "Patient/p-100",
        ["subject"] = "Patient/p-100",
        ["business-status"] = "Interactive contact",
        ["performer"] = "transitions-of-care",
    };

    [Fact]
    public async Task Anyone_may_read_what_the_fhir_endpoint_offers()
    {
        using var anonymous = App.CreateClient();

        var statement = await ReadFhirAsync<CapabilityStatement>(anonymous, "/fhir/metadata");

        Assert.Equal((FHIRVersion.N4_0_1, CapabilityStatementKind.Instance), (statement.FhirVersion, statement.Kind));
        var task = Assert.Single(Assert.Single(statement.Rest).Resource);
        Assert.Equal("Task", task.Type);
        Assert.Equal(
            [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType],
            task.Interaction.Select(i => i.Code!.Value));
        Assert.Contains(task.SearchParam, p => p.Name == "owner" && p.Type == SearchParamType.Reference);
    }

    [Fact]
    public async Task Every_declared_search_parameter_is_one_the_task_search_accepts()
    {
        using var anonymous = App.CreateClient();
        using var admin = await App.ClientAsync();
        var declared = Assert.Single(Assert.Single((await ReadFhirAsync<CapabilityStatement>(anonymous, "/fhir/metadata")).Rest).Resource).SearchParam;

        foreach (var parameter in declared)
        {
            var bundle = await ReadFhirAsync<Bundle>(admin, $"/fhir/Task?{parameter.Name}={Uri.EscapeDataString(SampleValues[parameter.Name])}");
            Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        }
    }
}

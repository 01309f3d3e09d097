using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Tests.Architecture;

public class EngineDependencyTests
{
    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Quartz")]
    public void The_engine_does_not_reference(string forbidden)
    {
        var references = typeof(WorkflowEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, name => name.StartsWith(forbidden, StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_sees_the_engines_real_references()
    {
        var references = typeof(WorkflowEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("Jint", references);
        Assert.Contains("FluentValidation", references);
    }
}

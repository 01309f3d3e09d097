namespace CareFlows.Engine.Tests.Definitions.Validation;

public class CompatCorpusValidationTests
{
    public static TheoryData<string> CompatFiles => [.. TestSupport.Definitions.CompatFiles];

    [Theory]
    [MemberData(nameof(CompatFiles))]
    public void Every_corpus_file_validates_without_errors(string fileName)
    {
        var report = ValidationJson.Validate(TestSupport.Definitions.Compat(fileName));

        Assert.Empty(report.Errors);
        Assert.True(report.CanRun);
    }
}

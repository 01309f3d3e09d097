using FluentValidation;

namespace CareFlows.Server.Features.TestRuns;

public sealed class AdvanceTestRunRequestValidator : AbstractValidator<AdvanceTestRunRequest>
{
    /// <summary>Further than this is more likely a typo than a pathway; a year and a month covers every regulatory clock.</summary>
    public static readonly TimeSpan MaxMove = TimeSpan.FromDays(400);

    public AdvanceTestRunRequestValidator()
    {
        RuleFor(r => r)
            .Must(r => (r.Next == true ? 1 : 0) + (r.By is null ? 0 : 1) + (r.To is null ? 0 : 1) == 1)
            .WithMessage("Say how to move the clock with exactly one of 'next' (true), 'by' (for example 1.00:00:00) or 'to' (a moment).")
            .OverridePropertyName("$");
        RuleFor(r => r.By)
            .Must(by => by > TimeSpan.Zero && by <= MaxMove)
            .When(r => r.By is not null)
            .WithMessage($"'by' must be more than zero and at most {MaxMove.TotalDays:0} days.");
    }
}

public sealed class TestRunEventRequestValidator : AbstractValidator<TestRunEventRequest>
{
    public TestRunEventRequestValidator()
    {
        RuleFor(r => r.EventName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.CorrelationKey).MaximumLength(400);
    }
}

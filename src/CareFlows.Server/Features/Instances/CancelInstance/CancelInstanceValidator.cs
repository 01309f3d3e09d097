using FluentValidation;

namespace CareFlows.Server.Features.Instances.CancelInstance;

internal sealed class CancelInstanceValidator : AbstractValidator<CancelInstanceCommand>
{
    /// <summary>The reason goes into the journal; a paragraph is plenty.</summary>
    public const int MaxReasonLength = 1000;

    public CancelInstanceValidator()
    {
        RuleFor(c => c.InstanceId).NotEmpty();
        RuleFor(c => c.Reason).MaximumLength(MaxReasonLength);
    }
}

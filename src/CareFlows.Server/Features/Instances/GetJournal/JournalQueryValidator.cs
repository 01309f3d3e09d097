using FluentValidation;

namespace CareFlows.Server.Features.Instances.GetJournal;

internal sealed class JournalQueryValidator : AbstractValidator<JournalQuery>
{
    public JournalQueryValidator()
    {
        RuleFor(q => q.AfterSequence).GreaterThanOrEqualTo(0);
        RuleFor(q => q.PageSize).InclusiveBetween(1, InstancePaging.MaxPageSize);
    }
}

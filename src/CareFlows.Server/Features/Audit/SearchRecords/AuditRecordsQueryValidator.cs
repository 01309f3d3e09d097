using CareFlows.Server.Audit;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Audit.SearchRecords;

internal sealed class AuditRecordsQueryValidator : AbstractValidator<AuditRecordsQuery>
{
    private static readonly string[] ActorTypes = [AuditActorTypes.User, AuditActorTypes.Client, AuditActorTypes.System, AuditActorTypes.Anonymous];
    private static readonly string[] Actions = [AuditActions.Create, AuditActions.Read, AuditActions.Update, AuditActions.Delete, AuditActions.Execute];
    private static readonly string[] Outcomes = [AuditOutcomes.Success, AuditOutcomes.Denied];

    public AuditRecordsQueryValidator()
    {
        RuleFor(q => q.To)
            .GreaterThan(q => q.From)
            .When(q => q.From is not null && q.To is not null)
            .WithMessage("'{PropertyName}' must be later than '{ComparisonProperty}'.");
        foreach (var text in new[]
        {
            RuleFor(q => q.Actor), RuleFor(q => q.Patient), RuleFor(q => q.EntityType), RuleFor(q => q.EntityId), RuleFor(q => q.Instance),
            RuleFor(q => q.Definition), RuleFor(q => q.Operation), RuleFor(q => q.CorrelationId),
        })
        {
            text.MaximumLength(ColumnSizes.Key).WithoutControlCharacters();
        }

        OneOf(RuleFor(q => q.ActorType), ActorTypes);
        OneOf(RuleFor(q => q.Action), Actions);
        OneOf(RuleFor(q => q.Outcome), Outcomes);
        OneOf(RuleFor(q => q.Sort), AuditRecordsQuery.Sorts);
        RuleFor(q => q.Page).InclusiveBetween(1, int.MaxValue / AuditRecordsQuery.MaxPageSize);
        RuleFor(q => q.PageSize).InclusiveBetween(1, AuditRecordsQuery.MaxPageSize);
    }

    private static void OneOf(IRuleBuilderInitial<AuditRecordsQuery, string?> rule, IReadOnlyCollection<string> values) =>
        rule.Must(value => value is null || values.Contains(value)).WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", values)}.");
}

using CareFlows.Server.Infrastructure;
using FluentValidation;

namespace CareFlows.Server.Features.Definitions;

internal sealed class ListDefinitionsValidator : AbstractValidator<ListDefinitions>
{
    public ListDefinitionsValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, ListDefinitions.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListDefinitions.MaxPageSize);
        // PostgreSQL refuses a NUL in text: a search carrying one is the client's error (422), not the server's.
        RuleFor(q => q.Search).MaximumLength(256).WithoutControlCharacters();
        RuleFor(q => q.Status).Must(s => s is null || ListDefinitions.Statuses.Contains(s))
            .WithMessage($"'status' must be one of {string.Join(", ", ListDefinitions.Statuses)}.");
        RuleFor(q => q.Sort).Must(s => s is null || ListDefinitions.Sorts.Contains(s))
            .WithMessage($"'sort' must be one of {string.Join(", ", ListDefinitions.Sorts)}.");
    }
}

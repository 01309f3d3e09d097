using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Events.ResumeBookmark;

internal sealed class ResumeBookmarkValidator : AbstractValidator<ResumeBookmarkCommand>
{
    public ResumeBookmarkValidator() => RuleFor(c => c.BookmarkId).NotEmpty().MaximumLength(ColumnSizes.Id).WithoutControlCharacters();
}

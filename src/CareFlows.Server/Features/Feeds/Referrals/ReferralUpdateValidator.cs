using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Feeds.Referrals;

internal sealed class ReferralUpdateValidator : AbstractValidator<ReferralUpdateCommand>
{
    public ReferralUpdateValidator()
    {
        RuleFor(c => c.ReferralId).NotEmpty().MaximumLength(ColumnSizes.Key).WithoutControlCharacters();
        RuleFor(c => c.Status).NotEmpty().Must(s => s is not null && ReferralEvents.EventOf.ContainsKey(s))
            .WithMessage($"'status' must be one of {string.Join(", ", ReferralEvents.EventOf.Keys)}.");
        RuleFor(c => c.MessageId).OptionalKey(ColumnSizes.Key);
        // Without either, a second no-show or a rescheduled appointment would read as the first one again.
        RuleFor(c => c.MessageId).NotEmpty().When(c => c.At is null).WithMessage("Send a 'messageId' or the time 'at' that tells this update from the others.");
        RuleFor(c => c.Appointment).NotNull().When(c => c.Status == "scheduled").WithMessage("A scheduled appointment needs its 'appointment' (start, and where).");
        RuleFor(c => c.Appointment!["start"]).NotNull().When(c => c.Status == "scheduled" && c.Appointment is not null)
            .OverridePropertyName("appointment.start").WithMessage("The appointment needs its 'start'.");
        RuleFor(c => c.ConsultNote).NotNull().When(c => c.Status == "consult-note").WithMessage("A consult note needs its 'consultNote' (documentId, author, summary).");
        RuleFor(c => c.ConsultNote!["documentId"]).NotNull().When(c => c.Status == "consult-note" && c.ConsultNote is not null)
            .OverridePropertyName("consultNote.documentId").WithMessage("The consult note needs the 'documentId' it is linked by.");
    }
}

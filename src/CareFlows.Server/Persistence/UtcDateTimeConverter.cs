using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareFlows.Server.Persistence;

/// <summary>Every stored time is UTC; SQLite and SQL Server forget the kind, so it is restored on read.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

using System.Globalization;
using System.Linq.Expressions;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Entities;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using FhirTask = Hl7.Fhir.Model.Task;

namespace CareFlows.Server.Features.Fhir;

/// <summary>
/// A FHIR search on Task, read from the query string the FHIR way: a comma separates values any of which may match, a
/// parameter given twice must match both times, and a parameter the server does not know is refused (400, strict
/// handling) unless the client asks for <c>Prefer: handling=lenient</c>. Searches every status unless <c>status</c> says.
/// </summary>
internal sealed class TaskSearch
{
    public const int DefaultCount = 50;
    public const int MaxCount = 200;

    /// <summary>Far past any real worklist, and low enough that the rows skipped still count in an int.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>The parameters that filter, by name without modifier, with their FHIR types: what /fhir/metadata declares.</summary>
    public static readonly IReadOnlyList<(string Name, SearchParamType Type, string Documentation)> Declared =
    [
        ("_id", SearchParamType.Token, "The task's id."),
        ("status", SearchParamType.Token, "ready, in-progress, on-hold, completed, cancelled or failed; every status when absent."),
        ("priority", SearchParamType.Token, "routine, urgent, asap or stat."),
        ("owner", SearchParamType.Reference, "Practitioner/{user id}; owner:missing=true for unclaimed tasks."),
        ("patient", SearchParamType.Reference, "Patient/{id}; patient:identifier for the MRN."),
        ("subject", SearchParamType.Reference, "Same as patient."),
        ("business-status", SearchParamType.Token, "The pathway's stage."),
        ("performer", SearchParamType.Token, "A team's id: tasks in that team's queue."),
    ];

    /// <summary>The parameters that filter, each with the values of every time it was given.</summary>
    private static readonly string[] FilterParameters =
        ["_id", "status", "priority", "owner", "owner:missing", "patient", "subject", "patient:identifier", "subject:identifier", "business-status", "performer"];

    /// <summary>The parameters that shape the result; each may be given once.</summary>
    private static readonly string[] ResultParameters = ["_count", "_page", "_sort", "_format", "_pretty"];

    private static readonly string[] SortKeys = ["priority", "period", "authored-on", "_lastUpdated"];

    private static readonly string[] JsonFormats = ["json", "application/json", "application/fhir+json"];

    private readonly List<Expression<Func<InboxTaskRecord, bool>>> _filters = [];
    private readonly List<Func<IQueryable<InboxTaskTeamRecord>, Expression<Func<InboxTaskRecord, bool>>>> _teamFilters = [];
    private readonly List<(string Key, bool Descending)> _sort = [];

    private TaskSearch()
    {
    }

    /// <summary>The search as understood, in the order given, for the paging links (without _count and _page).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public int Count { get; private set; } = DefaultCount;

    public int Page { get; private set; } = 1;

    /// <summary>Reads the search; throws <see cref="InvalidQueryException"/> naming every parameter at fault.</summary>
    public static TaskSearch Parse(IQueryCollection query, bool lenient)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = new TaskSearch();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var understood = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in query)
        {
            if (!FilterParameters.Contains(name, StringComparer.Ordinal) && !ResultParameters.Contains(name, StringComparer.Ordinal))
            {
                if (!lenient)
                {
                    errors[name] = [$"'{name}' is not a search parameter of Task here. Known: {string.Join(", ", FilterParameters.Concat(ResultParameters))}."];
                }

                continue;
            }

            if (ResultParameters.Contains(name, StringComparer.Ordinal) && values.Count > 1)
            {
                errors[name] = [$"'{name}' may be given once."];
                continue;
            }

            foreach (var value in values.OfType<string>().Where(v => v.Length > 0))
            {
                if (search.Read(name, value) is { } problem)
                {
                    errors[name] = [problem];
                }
                else if (name is not "_count" and not "_page")
                {
                    understood.Add(new(name, value));
                }
            }
        }

        search.Parameters = understood;
        return errors.Count == 0 ? search : throw new InvalidQueryException(errors);
    }

    /// <summary>For a read, which takes no search parameters: <c>_format</c>, when given, must ask for JSON.</summary>
    public static void RequireJsonFormat(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.TryGetValue("_format", out var formats) && formats.Any(f => !IsJson(f)))
        {
            throw new InvalidQueryException(new Dictionary<string, string[]> { ["_format"] = [FormatProblem] });
        }
    }

    /// <summary>The tasks that match, in the order asked for (then by due time, soonest first and none last, then id, so that pages are stable).</summary>
    public IQueryable<InboxTaskRecord> Apply(IQueryable<InboxTaskRecord> tasks, IQueryable<InboxTaskTeamRecord> taskTeams)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks = _filters.Aggregate(tasks, (q, filter) => q.Where(filter));
        tasks = _teamFilters.Aggregate(tasks, (q, filter) => q.Where(filter(taskTeams)));
        IOrderedQueryable<InboxTaskRecord>? ordered = null;
        foreach (var (key, descending) in _sort)
        {
            ordered = key switch
            {
                "priority" => Then(tasks, ordered, t => t.PriorityRank, descending),
                // FHIR's period parameter is executionPeriod; tasks never started come last either way.
                "period" => Then(Then(tasks, ordered, t => t.StartedAt == null, false), t => t.StartedAt, descending),
                "authored-on" => Then(tasks, ordered, t => t.CreatedAt, descending),
                _ => Then(tasks, ordered, t => t.UpdatedAt, descending),
            };
        }

        return Then(Then(Then(tasks, ordered, t => t.DueAt == null, false), t => t.DueAt, false), t => t.Id, false);
    }

    /// <summary>Reads one value of a known parameter; the problem with it, or null.</summary>
    private string? Read(string name, string value)
    {
        var values = value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        switch (name)
        {
            case "_id":
                _filters.Add(t => values.Contains(t.Id));
                return null;
            case "status":
                return Tokens<FhirTask.TaskStatus>(name, values, codes => t => codes.Contains(t.Status));
            case "priority":
                return Tokens<RequestPriority>(name, values, codes => t => codes.Contains(t.Priority));
            case "owner":
                var owners = values.Select(v => ReferenceId(v, "Practitioner")).OfType<string>().ToList();
                _filters.Add(t => t.Owner != null && owners.Contains(t.Owner));
                return null;
            case "owner:missing":
                if (!bool.TryParse(value, out var missing))
                {
                    return $"'{name}' must be true or false.";
                }

                _filters.Add(missing ? t => t.Owner == null : t => t.Owner != null);
                return null;
            case "patient" or "subject":
                // A patient id is stored as given to the pathway: a bare id or a Patient/ reference; both match.
                var ids = values.Select(v => ReferenceId(v, "Patient")).OfType<string>().ToList();
                var references = ids.Select(TaskResourceMapper.PatientReference).ToList();
                _filters.Add(t => t.PatientId != null && (ids.Contains(t.PatientId) || references.Contains(t.PatientId)));
                return null;
            case "patient:identifier" or "subject:identifier":
                var mrns = values.Select(v => v[(v.IndexOf('|', StringComparison.Ordinal) + 1)..]).ToList();
                _filters.Add(t => t.PatientMrn != null && mrns.Contains(t.PatientMrn));
                return null;
            case "business-status":
                _filters.Add(t => t.BusinessStatus != null && values.Contains(t.BusinessStatus));
                return null;
            case "performer":
                var teams = values.Select(v => Code(v, TaskResourceMapper.TeamSystem)).OfType<string>().ToList();
                _teamFilters.Add(taskTeams => t => taskTeams.Any(q => q.TaskId == t.Id && teams.Contains(q.Team)));
                return null;
            case "_count":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    return $"'{name}' must be a whole number from 0 to {MaxCount}.";
                }

                // FHIR lets a server return fewer than asked for; the links say how many it did.
                Count = Math.Min(count, MaxCount);
                return null;
            case "_page":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page is < 1 or > MaxPage)
                {
                    return $"'{name}' must be a whole number from 1 to {MaxPage}.";
                }

                Page = page;
                return null;
            case "_sort":
                foreach (var key in values)
                {
                    var bare = key.TrimStart('-');
                    if (!SortKeys.Contains(bare, StringComparer.Ordinal))
                    {
                        return $"'{name}' must list keys of {string.Join(", ", SortKeys)}, each with '-' for descending.";
                    }

                    _sort.Add((bare, key.StartsWith('-')));
                }

                return null;
            case "_format":
                return IsJson(value) ? null : FormatProblem;
            default:
                // _pretty: the answer's layout is the server's to choose.
                return null;
        }
    }

    private const string FormatProblem = "'_format' must be json: FHIR JSON is the only format served.";

    private static bool IsJson(string? format) => format is not null && JsonFormats.Contains(format.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Token values, with or without their code system, checked against the value set of <typeparamref name="TEnum"/>.</summary>
    private string? Tokens<TEnum>(string name, List<string> values, Func<List<string>, Expression<Func<InboxTaskRecord, bool>>> filter)
        where TEnum : struct, Enum
    {
        var codes = values.Select(v => v[(v.IndexOf('|', StringComparison.Ordinal) + 1)..]).ToList();
        var unknown = codes.Where(c => EnumUtility.ParseLiteral<TEnum>(c) is null).ToList();
        if (unknown.Count > 0)
        {
            var allowed = Enum.GetValues<TEnum>().Select(v => EnumUtility.GetLiteral(v));
            return $"'{name}' must be one of {string.Join(", ", allowed)}; '{string.Join(", ", unknown)}' is not.";
        }

        _filters.Add(filter(codes));
        return null;
    }

    /// <summary>The id of a reference of the given type (<c>Practitioner/u1</c> or <c>u1</c>); null for a reference to another type, which matches nothing.</summary>
    private static string? ReferenceId(string reference, string type)
    {
        var slash = reference.LastIndexOf('/');
        if (slash < 0)
        {
            return reference;
        }

        var prefix = reference[..slash];
        return prefix == type || prefix.EndsWith($"/{type}", StringComparison.Ordinal) ? reference[(slash + 1)..] : null;
    }

    /// <summary>A token's code when its system is <paramref name="system"/> or not given; null for a code of another system, which matches nothing.</summary>
    private static string? Code(string token, string system)
    {
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 || bar == 0 || token[..bar] == system ? token[(bar + 1)..] : null;
    }

    private static IOrderedQueryable<InboxTaskRecord> Then<TKey>(
        IQueryable<InboxTaskRecord> tasks, IOrderedQueryable<InboxTaskRecord>? ordered, Expression<Func<InboxTaskRecord, TKey>> key, bool descending) =>
        ordered is null
            ? descending ? tasks.OrderByDescending(key) : tasks.OrderBy(key)
            : Then(ordered, key, descending);

    private static IOrderedQueryable<InboxTaskRecord> Then<TKey>(IOrderedQueryable<InboxTaskRecord> ordered, Expression<Func<InboxTaskRecord, TKey>> key, bool descending) =>
        descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
}

using System.Globalization;
using Hl7.Fhir.Model;

namespace CareFlows.Server.Features.Fhir;

/// <summary>
/// A page of search results as a FHIR <c>searchset</c> Bundle: the total that match, one entry per resource (full URL,
/// search mode <c>match</c>), and self, first, previous, next and last links that repeat the search a client can follow.
/// </summary>
internal static class SearchBundle
{
    public static Bundle Create(string fhirBase, string resourceType, TaskSearch search, int total, IEnumerable<Resource> resources, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(search);
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString("N"),
            Meta = new Meta { LastUpdated = now },
            Type = Bundle.BundleType.Searchset,
            Total = total,
            Entry = [.. resources.Select(r => new Bundle.EntryComponent
            {
                FullUrl = $"{fhirBase}/{resourceType}/{r.Id}",
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            })],
        };
        var link = (string relation, int page) => bundle.Link.Add(new Bundle.LinkComponent { Relation = relation, Url = PageUrl(fhirBase, resourceType, search, page) });
        link("self", search.Page);
        if (search.Count == 0)
        {
            return bundle;
        }

        var lastPage = Math.Max(1, (int)Math.Ceiling(total / (double)search.Count));
        link("first", 1);
        if (search.Page > 1)
        {
            link("previous", Math.Min(search.Page - 1, lastPage));
        }

        if (search.Page < lastPage)
        {
            link("next", search.Page + 1);
        }

        link("last", lastPage);
        return bundle;
    }

    private static string PageUrl(string fhirBase, string resourceType, TaskSearch search, int page)
    {
        var parameters = search.Parameters
            .Append(new("_count", search.Count.ToString(CultureInfo.InvariantCulture)))
            .Append(new("_page", page.ToString(CultureInfo.InvariantCulture)))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}");
        return $"{fhirBase}/{resourceType}?{string.Join('&', parameters)}";
    }
}

namespace LdnSite.Sources;

using System.Text.Json;

/// <summary>What ClinicalTrials.gov says a trial is (API v2, <c>/studies/{nctId}</c>).</summary>
/// <param name="Title">The brief title.</param>
/// <param name="OfficialTitle">The official title, when given.</param>
/// <param name="Status">The overall status (RECRUITING, COMPLETED, WITHDRAWN…).</param>
public sealed record TrialRecord(string Title, string? OfficialTitle, string? Status)
{
    /// <summary>Whether the trial stopped before its end, which a reader of a claim should know.</summary>
    public bool Stopped => Status is "WITHDRAWN" or "TERMINATED" or "SUSPENDED";
}

/// <summary>The ClinicalTrials.gov API, version 2.</summary>
public sealed class ClinicalTrialsClient(PoliteClient client, Uri baseAddress)
{
    /// <summary>The public API.</summary>
    public static readonly Uri DefaultBase = new("https://clinicaltrials.gov/api/v2/");

    /// <summary>Looks up a trial id (NCT and eight digits).</summary>
    public async Task<Lookup<TrialRecord>> StudyAsync(string nctId, CancellationToken cancellationToken)
    {
        var url = new Uri(baseAddress, "studies/" + Uri.EscapeDataString(nctId));
        var answer = await client.SendAsync(url, url.AbsoluteUri, HttpMethod.Get, cancellationToken);
        return Lookup<TrialRecord>.From(answer, Read);
    }

    /// <summary>The trial in a study answer, or null when it is not that shape.</summary>
    public static TrialRecord? Read(JsonElement root)
    {
        var protocol = root.Get("protocolSection");
        if (protocol?.Get("identificationModule") is not { } identification || identification.Text("briefTitle") is not { } title)
        {
            return null;
        }

        return new TrialRecord(title, identification.Text("officialTitle"), protocol?.Get("statusModule")?.Text("overallStatus"));
    }
}

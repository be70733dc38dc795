namespace LdnSite.Cli;

using System.Globalization;
using LdnSite.Content;
using LdnSite.Engine.Pipelines;
using LdnSite.Markdown.Claims;

/// <summary><c>build --readability</c>: each content page's reading level against the targets.</summary>
public static class ReadabilityReport
{
    /// <summary>Prints one line per content page.</summary>
    public static void Print(BuildResult result, SiteSettings settings, TextWriter output)
    {
        output.WriteLine($"{"page",-24} {"grade",6} {"ease",6}  (targets: grade <= {settings.MaxReadingGrade:0.#}, ease >= {settings.MinReadingEase:0})");
        foreach (var document in result.Documents.GetValueOrDefault(SitePipelines.Content) ?? [])
        {
            var page = document.Get(PageKeys.Page);
            var level = document.Metadata.GetOrDefault<Markdown.Readability.ReadingLevel?>(Markdown.Readability.ReadingLevel.Key!, null);
            if (!page.Kind.Medical || level is null)
            {
                continue;
            }

            var flag = level.Grade > settings.MaxReadingGrade || level.Ease < settings.MinReadingEase ? "  above target" : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{page.Source,-24} {level.Grade,6:0.0} {level.Ease,6:0.0}{flag}"));
        }
    }
}

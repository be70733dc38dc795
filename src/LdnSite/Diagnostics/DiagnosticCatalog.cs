namespace LdnSite.Diagnostics;

using System.Text;

/// <summary>One diagnostic code: what it means and what to do about it.</summary>
/// <param name="Code">The stable code, e.g. LDN030.</param>
/// <param name="Severity">"error", "warning", or "warning (error under --strict)".</param>
/// <param name="Meaning">What went wrong.</param>
/// <param name="Fix">What to do.</param>
public sealed record DiagnosticInfo(string Code, string Severity, string Meaning, string Fix);

/// <summary>
/// Every diagnostic code the build can report, in one list. CONTRIBUTING.md's table is printed
/// from it (<c>ldnsite codes</c>) and a test checks both that the table matches and that the
/// source uses no code missing here, so the documentation cannot drift and no code is reused.
/// </summary>
public static class DiagnosticCatalog
{
    /// <summary>The codes the engine reports its own findings with, from the rows below.</summary>
    public static readonly Engine.Diagnostics.EngineCodes ForEngine = new()
    {
        Unexpected = "LDN900",
        PathRefused = "LDN110",
        PathClash = "LDN111",
        PathUnderFile = "LDN112",
    };

    private const string Error = "error";
    private const string Warning = "warning";
    private const string Strict = "warning (error under --strict)";

    /// <summary>Every code, in order.</summary>
    public static readonly IReadOnlyList<DiagnosticInfo> All =
    [
        new("LDN001", Error, "The page has no front matter.", "Start the file with a '---' line, 'title:' and 'description:', then another '---' line."),
        new("LDN002", Error, "The front matter is not closed.", "Add a '---' line after the last 'key: value' line."),
        new("LDN003", Error, "The front matter is not valid YAML, has an unknown key or a value of the wrong kind.", "Fix the line named; the message lists the known keys and says what kind of value is expected."),
        new("LDN004", Error, "The page has no title, or a title, description or nav_title with a line break.", "Add 'title: …' to the front matter, on one line."),
        new("LDN005", Error, "The page has no description.", "Add 'description: …': one sentence that says what the page covers."),
        new("LDN006", Error, "A date is not written yyyy-mm-dd.", "Write dates like 2026-11-26."),
        new("LDN007", Error, "'review_interval_months' is outside 1 to 120.", "Use a whole number of months from 1 to 120 (12 is usual)."),
        new("LDN008", Strict, "The description is still the placeholder from 'ldnsite new'.", "Replace 'TODO' with one sentence that says what the page covers."),
        new("LDN009", Error, "'ldnsite new' was given a name that is not a clean address, or a page that already exists.", "Use lower-case letters, digits and '-' (e.g. conditions/sleep); nothing is ever overwritten."),
        new("LDN010", Error, "The page is larger than 8 MB.", "Split it into several pages."),
        new("LDN011", Error, "The file is not valid UTF-8.", "Save it as UTF-8 in your editor."),
        new("LDN012", Error, "Lists, quotes, emphasis or brackets nest too deeply.", "Flatten the structure (block nesting is limited to 32 levels)."),
        new("LDN013", Error, "A 'redirect_from' entry is not a site address.", "Write old addresses like /old-page/ (letters, digits, '-', '_', '.', '/')."),
        new("LDN014", Error, "A 'redirect_from' address is still another page's address, or another page claims it too.", "Remove it from one of the two pages."),
        new("LDN015", Error, "The page has more than 2,000 headings, 5,000 raw HTML tags or 5,000 links and web addresses (each costs parsing time that grows faster than the page).", "Split it into several pages, or write it in Markdown."),
        new("LDN016", Error, "A page, data file or layout cannot be read: not a plain file inside its folder (a named pipe, a device, a link elsewhere), not readable, too large, or not UTF-8.", "Make it a plain UTF-8 text file inside its folder that you may read."),
        new("LDN020", Error, "A link has no target.", "Write [text](page.md), or remove the brackets."),
        new("LDN021", Error, "A link points outside the input folder.", "Link to a page or file under input/."),
        new("LDN022", Error, "A link points to no file.", "Link to a page by its Markdown file (safety.md) or its address (/safety/), or to a file under input/; the message suggests the closest."),
        new("LDN023", Error, "An image has no alt text.", "Describe the image in the brackets: ![what it shows](chart.png)."),
        new("LDN024", Error, "An image is loaded from the web.", "Save it under input/ so the site works offline."),
        new("LDN025", Error, "A link points to a page that does not exist.", "Check the file name; the message suggests the closest page."),
        new("LDN026", Error, "A link names an anchor the page does not have.", "Use one of the anchors the message lists."),
        new("LDN030", Error, "A citation key is not in references.yaml.", "Fix the key (the message suggests the closest) or add the source to input/_data/references.yaml."),
        new("LDN031", Error, "Text is written like a citation but is not one ('[@smith 2007]', '[@smith2007, p. 4]').", "Write [@key] or [@key1; @key2] with keys from references.yaml; to show the text itself, start it with \\[@."),
        new("LDN032", Strict, "Raw HTML or a link was removed: script, style, event handlers, frames, forms and non-http(s) links are not allowed.", "Use Markdown, or an element the site allows (see CONTRIBUTING.md)."),
        new("LDN034", Strict, "A paragraph or list item on a content page cites no source.", "Cite the study that supports it ([@key]), or put <!-- nonmedical --> before it if it makes no medical claim."),
        new("LDN036", Warning, "The page reads above grade 9 or below reading ease 50.", "Use shorter sentences and everyday words; 'ldnsite build --readability' shows each page."),
        new("LDN037", Warning, "An id is set twice on one page ({#id}, a heading or raw HTML): a link to it reaches only the first.", "Give each element its own id."),
        new("LDN038", Error, "A citation is inside a link's text; a link may not hold another link.", "Put the citation after the link: [text](address) [@key]."),
        new("LDN040", Error, "A data file (references.yaml, glossary.yaml) is not valid YAML or a value has the wrong kind.", "Fix the line named; compare with the other entries."),
        new("LDN041", Error, "A reference entry lacks a field or has one that is not valid (design, DOI, PMID, conditions, url…).", "Fix the field on the line named; README lists the fields and their values."),
        new("LDN042", Error, "A reference key is used twice.", "Give each reference its own key."),
        new("LDN043", Error, "A glossary entry lacks its term or definition.", "Give every entry both 'term' and 'definition'."),
        new("LDN044", Error, "A glossary term or alias is listed twice, or two terms get the same anchor.", "Keep one entry per term; reword a term whose anchor clashes."),
        new("LDN045", Strict, "A reference is not cited by any page.", "Cite it with [@key] or remove it."),
        new("LDN046", Error, "Two references have the same DOI.", "List each source once."),
        new("LDN047", Error, "A '::: …' block is not one the site knows (studies, findings, help, corrections, notes, key-facts), names an unknown condition or topic, has no data to show, has an {#id}, or has text inside a block made from data.", "Use one of the blocks and conditions the message lists; write nothing between '::: studies …' and ':::' (only '::: key-facts' holds text)."),
        new("LDN048", Error, "A data file has more glossary terms or references than search can hold (65,536).", "Remove entries from the line named on."),
        new("LDN049", Error, "An entry of findings.yaml, help.yaml or corrections.yaml lacks a field or has one that is not valid (condition, certainty, words stronger than the certainty, invisible characters, unknown source, address, date, a page that does not exist).", "Fix the field on the line named; CONTRIBUTING.md lists the fields and their values."),
        new("LDN050", Error, "A layout has a template syntax error.", "Fix the layout at the line named."),
        new("LDN051", Error, "A page asks for a layout that does not exist.", "Use one of the layouts the message lists."),
        new("LDN052", Error, "A layout failed while rendering a page (or went over a loop, recursion or size limit).", "Fix the layout at the line named."),
        new("LDN053", Warning, "A theme script or style sheet could not be minified (a syntax error, or syntax newer than NUglify reads); it is published unminified.", "Fix the line named if it is a mistake."),
        new("LDN060", Strict, "The page's review is overdue.", "Have it reviewed, then update 'last_reviewed'."),
        new("LDN061", Strict, "'last_reviewed' is set but not when the next review is due.", "Add 'review_interval_months' or 'next_review'."),
        new("LDN062", Error, "'reviewed_by' or 'evidence_searched' is given without 'last_reviewed', 'reviewed_by' is too long, or 'evidence_searched' is after 'last_reviewed'.", "Name only a clinician who reviewed the page, with the review's date in 'last_reviewed'; the evidence search date comes on or before the review."),
        new("LDN070", Error, "A front-end package file is missing.", "Run 'npm ci' in theme/ (building src/LdnSite does this)."),
        new("LDN080", Warning, "A file was not published: hidden, an editor backup, an unsafe name, or a symbolic link leaving the input folder.", "Nothing, if that was intended; otherwise rename or move the file."),
        new("LDN090", Error, "A file was being saved, removed or renamed while the site was built.", "Build again (serve rebuilds on the next save)."),
        new("LDN101", Error, "The input folder does not exist.", "Check --input (the default is input/)."),
        new("LDN102", Error, "The theme folder does not exist or has no layouts/.", "Check --theme (the default is theme/)."),
        new("LDN103", Error, "The output folder may not be used: it overlaps the input or theme, is or holds the repository, or holds files a build did not write.", "Choose another --output (the default is output/)."),
        new("LDN104", Error, "--base-url is not a plain absolute http(s) address, or is still the placeholder under --strict.", "Pass the address the site is published at, e.g. --base-url https://ldn.example.org/."),
        new("LDN105", Error, "The zip path may not be used.", "Choose a --zip path ending in .zip outside the input, theme and output folders."),
        new("LDN106", Error, "--port is not a port number.", "Use 1 to 65535, or 0 to pick a free port."),
        new("LDN107", Error, "The port is already in use.", "Stop the other server, or use the suggested --port."),
        new("LDN108", Error, "--repository-url is not an https address of a repository.", "Pass an address such as https://github.com/owner/ldnsite, or leave the option out."),
        new("LDN110", Error, "An output path would leave the output folder or is not a plain path.", "Rename the file."),
        new("LDN111", Error, "Two sources would write the same output file (also when names differ only in case).", "Rename or remove one of them."),
        new("LDN112", Error, "One source's output file is another's folder.", "Rename one of them."),
        new("LDN113", Error, "A page or file is inside input/assets/ or input/search/, folders the site writes itself (assets are served as unchangeable for a year; search pages are hidden from search engines).", "Move it to another folder."),
        new("LDN200", Error, "check-sources: Crossref's record for the DOI is another paper, or gives another first author, year, journal, volume or first page.", "Open https://doi.org/ and the DOI: fix the DOI (copy it from the journal or PubMed) or the field named."),
        new("LDN201", Error, "check-sources: Crossref does not know the DOI.", "Check the DOI at https://doi.org/; copy it from the journal or PubMed, never from notes."),
        new("LDN202", Error, "check-sources: PubMed's record for the PMID has another title, year or journal.", "Open https://pubmed.ncbi.nlm.nih.gov/ and the PMID: fix the PMID or the field named."),
        new("LDN203", Error, "check-sources: PubMed gives the PMID another DOI than the entry's: one of the two belongs to another paper.", "Compare both with the paper; usually the DOI was copied from another paper."),
        new("LDN204", Error, "check-sources: PubMed has no record with the PMID.", "Check the PMID at https://pubmed.ncbi.nlm.nih.gov/."),
        new("LDN205", Error, "check-sources: the paper is retracted (PubMed or Crossref records a retraction).", "Remove the claims that rest on it, or say on the page that it was retracted."),
        new("LDN206", Warning, "check-sources: PubMed lists an erratum for the paper.", "Check that the facts quoted from it are the corrected ones."),
        new("LDN207", Error, "check-sources: ClinicalTrials.gov has no trial with the id.", "Check the id (NCT and eight digits) at https://clinicaltrials.gov/."),
        new("LDN208", Warning, "check-sources: the trial was withdrawn, terminated or suspended.", "Say so where the study is described."),
        new("LDN210", Warning, "check-sources: a registry could not be asked (no answer in time, 429, 5xx, no connection), even after retries.", "Run check-sources again later; the identifier was not checked this time."),
        new("LDN211", Warning, "check-sources: a registry's answer could not be read (not JSON, not the documented shape, or too large).", "Run check-sources again later; if it persists, the registry's format may have changed (report it as an issue)."),
        new("LDN212", Warning, "check-sources: a registry redirected to another host or scheme, in a loop, or too many times; it was not followed.", "Run check-sources again later; check the registry's address (--crossref-url, --pubmed-url, --clinicaltrials-url)."),
        new("LDN213", Warning, "check-sources: no contact address for the registries.", "Pass --contact-email or set LDNSITE_CONTACT_EMAIL (CI: the repository variable CONTACT_EMAIL)."),
        new("LDN214", Error, "check-sources: an option is not valid (a registry address that is not http(s), a contact that is not an e-mail address).", "Fix the option named."),
        new("LDN215", Error, "check-sources --links: an outbound link is gone (404 or 410).", "Link to where it moved, to an archived copy, or remove it."),
        new("LDN216", Warning, "check-sources --links: an outbound link could not be checked (no answer in time, 429, 5xx, refused the check).", "Run check-sources --links again later; open the link in a browser if it persists."),
        new("LDN217", Warning, "check-sources --links: an outbound link was not followed (a redirect loop or to another scheme, or a private or loopback address).", "Open it in a browser; link to the page it finally shows."),
        new("LDN218", Warning, "check-sources --links: there is no built site to read links from.", "Run 'ldnsite build' first (or pass --site)."),
        new("LDN900", Error, "An unexpected failure while processing a file.", "Check the file named; if it looks right, report the message as an issue."),
    ];

    /// <summary>The catalogue as the Markdown table in CONTRIBUTING.md.</summary>
    public static string MarkdownTable()
    {
        var table = new StringBuilder();
        table.Append("| code | kind | what it means | what to do |\n| --- | --- | --- | --- |\n");
        foreach (var info in All)
        {
            table.Append($"| {info.Code} | {info.Severity} | {Escape(info.Meaning)} | {Escape(info.Fix)} |\n");
        }

        return table.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}

namespace LdnSite.Serve;

/// <summary>
/// Where the dev server learns that the pages' "last updated" dates may have changed: the
/// repository's HEAD log (<c>.git/logs/HEAD</c>), which git appends to at every commit,
/// checkout, merge or pull, and how to read the dates again (<see cref="Content.GitHistory"/>).
/// </summary>
/// <param name="HeadLog">The file whose change means the history moved.</param>
/// <param name="Read">Reads every page's last-changed date from the history.</param>
public sealed record GitDates(string HeadLog, Func<IReadOnlyDictionary<string, DateOnly>> Read);

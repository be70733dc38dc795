namespace LdnSite.Engine.Output;

/// <summary>
/// What a host says about the output folders it builds into: the code of a refusal and the advice
/// after it, the marker file a build leaves in every output folder (to recognise it next time),
/// and files that mark output the host wrote before it left markers.
/// </summary>
/// <param name="RefusalCode">The error's code when a folder may not be used.</param>
/// <param name="RefusalAdvice">A sentence after each refusal, saying what to do.</param>
/// <param name="MarkerFile">The marker file's name.</param>
/// <param name="MarkerText">What the marker says to a person who opens it.</param>
/// <param name="EarlierOutput">Relative paths of files only the host's earlier output holds.</param>
public sealed record OutputFolderRules(string RefusalCode, string RefusalAdvice, string MarkerFile, string MarkerText, IReadOnlyList<string> EarlierOutput)
{
    /// <summary>Rules for an engine used on its own, as in its tests.</summary>
    public static readonly OutputFolderRules Plain = new("E103", "Choose another output folder.", ".build-output", "Written by a build: every build replaces this folder's contents.\n", []);
}

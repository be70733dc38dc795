namespace LdnSite.Modules;

using LdnSite.Assets;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>Gives each copied asset a name with its content's hash, remembering the name it had.</summary>
public sealed class FingerprintAssets : DocumentModule
{
    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context) => document.Content switch
    {
        FileContent file => document.With(AssetNames.LogicalPath, document.Destination) with { Destination = AssetNames.ForFile(document.Destination, file.FullPath) },
        BytesContent minified => document.With(AssetNames.LogicalPath, document.Destination) with
        {
            Destination = AssetNames.Hashed(document.Destination, System.Security.Cryptography.SHA256.HashData(minified.Bytes)),
        },
        _ => document,
    };
}

namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Documents;

/// <summary>Gives each document an output path computed from its source path.</summary>
public sealed class SetDestination(Func<string, string> destinationOf) : DocumentModule
{
    /// <inheritdoc />
    protected internal override Document Process(Document document, IExecutionContext context) =>
        document with { Destination = destinationOf(document.Source) };
}

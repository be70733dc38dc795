namespace LdnSite.Engine.Documents;

/// <summary>How text held in memory between phases is kept (see <see cref="PackedText"/>).</summary>
public enum TextPacking
{
    /// <summary>As plain UTF-8: no time spent packing, the memory of the text itself.</summary>
    Plain,

    /// <summary>Compressed as an LZ4 block (<see cref="PackedBlock"/>): about a third of the memory, for the time to compress and expand it.</summary>
    Compressed,
}

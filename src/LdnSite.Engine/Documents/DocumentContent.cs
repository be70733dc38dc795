using System.Text;

namespace LdnSite.Engine.Documents;

/// <summary>What a document holds: text produced in memory, or a file copied as it is.</summary>
public abstract record DocumentContent
{
    /// <summary>Writes the content to <paramref name="path"/>, creating folders as needed.</summary>
    public abstract void WriteTo(string path);

    /// <summary>The content as text (reads the file for file content).</summary>
    public abstract string ReadText();
}

/// <summary>Text content, written as UTF-8 without a byte order mark.</summary>
public sealed record TextContent(string Text) : DocumentContent
{
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    public override void WriteTo(string path) => OutputFile.WriteText(path, Text);

    /// <inheritdoc />
    public override string ReadText() => Text;
}

/// <summary>
/// Content that is a file on disk, copied byte for byte. Opened the checked way
/// (<see cref="RegularFile.Open"/>): a file swapped for a named pipe or a device after
/// it was listed is refused, never waited on or read without end.
/// </summary>
public sealed record FileContent(string FullPath) : DocumentContent
{
    /// <inheritdoc />
    public override void WriteTo(string path)
    {
        using var source = OpenRead();
        using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        source.CopyTo(target);
    }

    /// <inheritdoc />
    public override string ReadText()
    {
        using var reader = new StreamReader(OpenRead());
        return reader.ReadToEnd();
    }

    /// <summary>The file's bytes as a stream, opened the checked way.</summary>
    public Stream OpenRead() => new FileStream(RegularFile.Open(FullPath), FileAccess.Read);
}

/// <summary>
/// A file's last-write time (UTC ticks) and length: changes whenever the file does, so a rebuild
/// can tell unchanged files apart without reading them.
/// </summary>
public readonly record struct FileStamp(long LastWriteTicks, long Length)
{
    /// <summary>
    /// How long after a write a stamp is not trusted: a file written again within the clock's
    /// resolution, at the same length, keeps its stamp (git's "racy" index entries).
    /// </summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>When the file was last written.</summary>
    public DateTime LastWriteUtc => new(LastWriteTicks, DateTimeKind.Utc);

    /// <summary>Whether the file was last written long enough before <paramref name="buildStarted"/> for this stamp to stand for its content.</summary>
    public bool SettledBefore(DateTime buildStarted) => LastWriteUtc < buildStarted - RacyWindow;

    /// <inheritdoc />
    public override string ToString() => $"{LastWriteTicks}:{Length}";
}

/// <summary>
/// Text built only when written, into a builder the producer owns and reuses (valid until its
/// next use on the same thread), and written from the builder without becoming a string: for a
/// one-shot build of many large pages, where nothing needs to keep or compare the text.
/// </summary>
public sealed record BuiltTextContent(Func<StringBuilder> Build) : DocumentContent
{
    /// <inheritdoc />
    public override void WriteTo(string path) => OutputFile.WriteText(path, Build());

    /// <inheritdoc />
    public override string ReadText() => Build().ToString();
}

/// <summary>
/// Bytes produced in memory. When <paramref name="NamedByContent"/> is true the destination
/// carries a hash of the bytes, so a rebuild that finds the same destination already written
/// knows the file is unchanged without comparing anything.
/// </summary>
public sealed record BytesContent(byte[] Bytes, bool NamedByContent) : DocumentContent
{
    /// <summary>What a rebuild compares to tell whether the file changed.</summary>
    public string Identity => NamedByContent ? "named-by-content" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Bytes));

    /// <inheritdoc />
    public override void WriteTo(string path) => OutputFile.WriteBytes(path, Bytes);

    /// <inheritdoc />
    public override string ReadText() => TextContent.Utf8.GetString(Bytes);
}

/// <summary>
/// Bytes produced only when written, into this thread's reused buffer, then let go.
/// <paramref name="Identity"/> stands for the content (equal identities, equal bytes): a rebuild
/// that finds the identity of its last write unchanged skips the file without producing it.
/// </summary>
public sealed record DeferredBytesContent(Action<System.Buffers.IBufferWriter<byte>> Produce, object Identity) : DocumentContent
{
    // Ten thousand small files written one after another need one buffer, not ten thousand arrays.
    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    /// <inheritdoc />
    public override void WriteTo(string path)
    {
        var buffer = Produced();
        OutputFile.WriteBytes(path, buffer.WrittenSpan);
        if (buffer.Capacity > 4 * 1024 * 1024)
        {
            // One huge file should not pin a huge buffer for the rest of the build.
            t_buffer = null;
        }
    }

    /// <inheritdoc />
    public override string ReadText() => TextContent.Utf8.GetString(Produced().WrittenSpan);

    private System.Buffers.ArrayBufferWriter<byte> Produced()
    {
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        Produce(buffer);
        return buffer;
    }
}

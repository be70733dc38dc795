namespace LdnSite.Engine.Input;

using System.Text;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Output;

/// <summary>
/// The one checked way to read a file a build depends on besides its pages (data files, layouts):
/// a regular file only, inside its folder (a symbolic link is followed and must stay inside), at
/// most a size cap, strict UTF-8. A named pipe, device or socket is refused before it is opened,
/// so a build never waits on one, and a link to <c>/dev/zero</c> or a file elsewhere is never read.
/// </summary>
public static class CheckedFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="path"/>, which must lie inside <paramref name="folder"/>.</summary>
    /// <exception cref="CheckedFileException">The file may not be read; its message says why.</exception>
    /// <exception cref="FileNotFoundException">The file is not there.</exception>
    public static string ReadText(string path, string folder, long maxBytes)
    {
        var bytes = ReadBytes(path, folder, maxBytes);
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw new CheckedFileException("it is not valid UTF-8; save it as UTF-8");
        }
    }

    /// <summary>The bytes of <paramref name="path"/>, which must lie inside <paramref name="folder"/>.</summary>
    /// <exception cref="CheckedFileException">The file may not be read; its message says why.</exception>
    /// <exception cref="FileNotFoundException">The file is not there.</exception>
    public static byte[] ReadBytes(string path, string folder, long maxBytes)
    {
        if (!FileKinds.Exists(path))
        {
            throw new FileNotFoundException("The file is not there.", path);
        }

        if (FileKinds.Of(path) == FileKinds.Kind.SymbolicLink)
        {
            var target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
            if (target is null || !OutputPaths.IsInside(OutputFolderGuard.RealPath(target), OutputFolderGuard.RealPath(folder)))
            {
                throw new CheckedFileException("it is a symbolic link to a file outside its folder");
            }
        }
        else if (!OutputPaths.IsInside(OutputFolderGuard.RealPath(path), OutputFolderGuard.RealPath(folder)))
        {
            throw new CheckedFileException("it lies outside its folder");
        }

        // What the file is (a named pipe, a device) is checked on the open descriptor, so a file
        // swapped after this check is refused as well.
        using var handle = RegularFile.Open(path);
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
        {
            throw new CheckedFileException($"it is {length / 1024.0 / 1024:0.0} MB, over the {maxBytes / 1024.0 / 1024:0.#} MB such a file may have");
        }

        var bytes = new byte[length];
        var read = 0;
        for (int got; read < length && (got = RandomAccess.Read(handle, bytes.AsSpan(read), read)) > 0;)
        {
            read += got;
        }

        return read == length ? bytes : bytes[..read];
    }
}

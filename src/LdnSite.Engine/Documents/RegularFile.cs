namespace LdnSite.Engine.Documents;

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

/// <summary>
/// Opening a file the build reads, checked where it is opened. Here, at the bottom of the
/// engine, because every reader uses it: pages, data files and layouts (Input), and files
/// copied or read as they are (<see cref="FileContent"/>).
/// </summary>
public static partial class RegularFile
{
    /// <summary>The st_mode bits that give a file's type, and the type of a regular file and of a link.</summary>
    internal const int TypeMask = 0xF000, Regular = 0x8000, SymbolicLink = 0xA000;

    // Why a file that is not a regular file is refused (a named pipe would be waited on).
    private const string NotRegular = "it is not a regular file (a named pipe, socket or device), which a build could wait on forever";

    /// <summary>
    /// Opens <paramref name="path"/> for reading without ever waiting, and checks what was
    /// opened: a regular file, or <see cref="CheckedFileException"/>. The check is made on the
    /// open descriptor, so a file swapped for a named pipe or a device after it was listed is
    /// refused too. A plain open of a named pipe waits for a writer, forever; this one is
    /// non-blocking (which changes nothing for a regular file).
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing is there.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="CheckedFileException">It is not a regular file.</exception>
    public static SafeFileHandle Open(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        // O_RDONLY | O_NONBLOCK | O_CLOEXEC, whose values differ between Linux and the BSDs (macOS).
        var flags = OperatingSystem.IsLinux() ? 0x800 | 0x80000 : 0x4 | 0x1000000;
        var descriptor = OpenFile(path, flags);
        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                2 or 20 => new FileNotFoundException("The file is not there.", path), // ENOENT, ENOTDIR
                1 or 13 => new UnauthorizedAccessException("it may not be read (permission denied)"), // EPERM, EACCES
                6 => new CheckedFileException(NotRegular), // ENXIO: a socket
                _ => new IOException($"it could not be opened ({Marshal.GetPInvokeErrorMessage(errno)})"),
            };
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        Span<byte> status = stackalloc byte[256];
        if (FStat(handle, ref status[0]) != 0 || TypeOf(status) != Regular)
        {
            handle.Dispose();
            throw new CheckedFileException(NotRegular);
        }

        return handle;
    }

    /// <summary>The file type from .NET's own native shim's FileStatus, which starts with Flags and then Mode (the st_mode bits).</summary>
    internal static int TypeOf(ReadOnlySpan<byte> status) => BitConverter.ToInt32(status[4..]) & TypeMask;

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
    private static partial int FStat(SafeFileHandle descriptor, ref byte status);

    // libc's open(2): .NET's own open cannot ask for O_NONBLOCK.
    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenFile(string path, int flags);
}

/// <summary>A file the build may not read, and why (see <see cref="RegularFile"/> and Input's CheckedFile).</summary>
/// <param name="reason">Why, as the end of a sentence ("it is not a regular file …").</param>
public sealed class CheckedFileException(string reason) : IOException(reason);

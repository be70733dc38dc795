namespace LdnSite.Engine.Input;

using System.Runtime.InteropServices;

/// <summary>
/// What kind of file a path is. .NET reports a named pipe or a device as a "Normal" file, and
/// opening a named pipe blocks until something writes to it, so a build that read one would
/// hang; this asks the operating system for the file's type instead.
/// </summary>
public static partial class FileKinds
{
    private const int Regular = Documents.RegularFile.Regular;
    private const int SymbolicLink = Documents.RegularFile.SymbolicLink;

    /// <summary>What a path is, itself (a symbolic link is not followed).</summary>
    public enum Kind
    {
        /// <summary>A regular file.</summary>
        RegularFile,

        /// <summary>A symbolic link, to be checked before it is followed.</summary>
        SymbolicLink,

        /// <summary>A named pipe, socket, device or folder.</summary>
        Other,
    }

    /// <summary>True for a regular file (following symbolic links); true as well where the type cannot be read.</summary>
    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        Span<byte> status = stackalloc byte[256];
        return Stat(path, ref status[0]) != 0 || TypeOf(status) == Regular;
    }

    /// <summary>
    /// What <paramref name="path"/> itself is, from one lstat: reading a folder of pages asks this
    /// once per file, instead of reading a link target and then the file's type. Where the type
    /// cannot be read (a file removed meanwhile), the path is treated as a link, so it gets the
    /// careful checks.
    /// </summary>
    public static Kind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return new FileInfo(path).LinkTarget is null ? Kind.RegularFile : Kind.SymbolicLink;
        }

        Span<byte> status = stackalloc byte[256];
        if (LStat(path, ref status[0]) != 0)
        {
            return Kind.SymbolicLink;
        }

        return TypeOf(status) switch
        {
            Regular => Kind.RegularFile,
            SymbolicLink => Kind.SymbolicLink,
            _ => Kind.Other,
        };
    }

    /// <summary>Whether anything is at <paramref name="path"/>, itself (a link to nothing counts).</summary>
    public static bool Exists(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Exists(path) || new FileInfo(path).LinkTarget is not null;
        }

        Span<byte> status = stackalloc byte[256];
        return LStat(path, ref status[0]) == 0;
    }

    /// <summary>
    /// The stamp of the file at <paramref name="path"/>, following symbolic links (a link's own
    /// time says nothing of its target's text), from one stat; null when there is no such file.
    /// </summary>
    public static Documents.FileStamp? StampOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var info = new FileInfo(path);
            return info.Exists ? new Documents.FileStamp(info.LastWriteTimeUtc.Ticks, info.Length) : null;
        }

        // The shim's FileStatus: Flags, Mode, Uid, Gid (4 bytes each), then Size, ATime,
        // ATimeNsec, MTime, MTimeNsec (8 bytes each). The ticks are worked out as
        // FileInfo.LastWriteTimeUtc does (a test compares the two).
        Span<byte> status = stackalloc byte[256];
        if (Stat(path, ref status[0]) != 0)
        {
            return null;
        }

        return new Documents.FileStamp(
            DateTime.UnixEpoch.Ticks + (BitConverter.ToInt64(status[40..]) * TimeSpan.TicksPerSecond) + (BitConverter.ToInt64(status[48..]) / 100),
            BitConverter.ToInt64(status[16..]));
    }

    private static int TypeOf(ReadOnlySpan<byte> status) => Documents.RegularFile.TypeOf(status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, ref byte status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, ref byte status);
}

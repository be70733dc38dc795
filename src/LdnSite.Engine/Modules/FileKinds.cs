namespace LdnSite.Engine.Modules;

using System.Runtime.InteropServices;

/// <summary>
/// Whether a path is a regular file. .NET reports a named pipe or a device as a "Normal" file,
/// and opening a named pipe blocks until something writes to it, so a build that read one would
/// hang; this asks the operating system for the file's type instead.
/// </summary>
public static partial class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>True for a regular file (following symbolic links); true as well where the type cannot be read.</summary>
    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        // .NET's own native shim, whose FileStatus starts with Flags and then Mode (the st_mode bits).
        var status = new byte[256];
        return Stat(path, ref status[0]) != 0 || (BitConverter.ToInt32(status, 4) & TypeMask) == Regular;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, ref byte status);
}

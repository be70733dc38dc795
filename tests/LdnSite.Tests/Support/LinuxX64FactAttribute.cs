namespace LdnSite.Tests.Support;

using System.Runtime.InteropServices;

/// <summary>
/// A test that runs on Linux x64 only, and is reported as skipped elsewhere: the native program
/// is published for linux-x64, and Native AOT cannot compile for another system.
/// </summary>
public sealed class LinuxX64FactAttribute : FactAttribute
{
    /// <summary>True where the native program can be published and run.</summary>
    public static bool Supported => OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64;

    /// <summary>Skips the test on other systems.</summary>
    public LinuxX64FactAttribute()
    {
        if (!Supported)
        {
            Skip = "The native program is published for linux-x64 only.";
        }
    }
}

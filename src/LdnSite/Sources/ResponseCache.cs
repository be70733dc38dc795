namespace LdnSite.Sources;

using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Registry answers kept on disk for a while, so a second run (or a re-run after fixing one
/// entry) asks the registries nothing it asked recently. Keyed by the request's address (without
/// any API key); only definite answers are kept (a record, or "no such identifier"), never a
/// failure. Clears when an entry is older than <see cref="MaxAge"/>, or with --no-cache.
/// </summary>
public sealed class ResponseCache(string folder, TimeSpan maxAge)
{
    /// <summary>How long an answer is reused.</summary>
    public TimeSpan MaxAge { get; } = maxAge;

    /// <summary>The stored answer for <paramref name="key"/>, when fresh: its status and body.</summary>
    public (int Status, byte[] Body)? Get(string key)
    {
        var path = PathOf(key);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || DateTime.UtcNow - info.LastWriteTimeUtc > MaxAge)
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            // First line: the status and the address, so a reader of the folder sees what each file is.
            var newline = Array.IndexOf(bytes, (byte)'\n');
            if (newline < 0 || !int.TryParse(Encoding.UTF8.GetString(bytes, 0, newline).Split(' ')[0], out var status))
            {
                return null;
            }

            return (status, bytes[(newline + 1)..]);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores an answer; a cache that cannot be written only costs a request next time.</summary>
    public void Put(string key, int status, byte[] body)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var path = PathOf(key);
            var temporary = path + "." + Environment.ProcessId + ".tmp";
            var header = Encoding.UTF8.GetBytes($"{status} {Engine.Diagnostics.Diagnostic.OneLine(key)}\n");
            File.WriteAllBytes(temporary, [.. header, .. body]);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string PathOf(string key) =>
        Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".txt");
}

namespace LdnSite.Engine.Modules;

using System.Collections.Concurrent;

/// <summary>
/// Values remembered from one build of an engine to the next, keyed by a module's name and
/// everything its result depends on (hashed, see <see cref="Key(string[])"/>, or written out,
/// see <see cref="Exact"/>). A rebuild after one file changes finds every other
/// result here and skips the work. Entries not used by a build are dropped after it once there
/// are more than <see cref="StaleAllowed"/> of them (or every <see cref="SweepEvery"/> builds),
/// so the cache holds one build's worth and a few superseded results: looking at every entry
/// after every build was a visible part of a one-page rebuild at 10,000 pages.
/// </summary>
public sealed class BuildCache
{
    // One table across builds; each entry remembers the last build that used it, and entries the
    // build just ended did not use are dropped. Swapping a "previous" and a "current" table made a
    // rebuild copy every hit into a new table: some 20,000 new entries at 10,000 pages, and as
    // many left for the collector.
    private readonly ConcurrentDictionary<(string Module, string Key), Entry> _entries = new();
    private int _build;

    private sealed class Entry(object value, int build)
    {
        public object Value { get; } = value;

        // Written by every build that uses the entry, always with that build's number.
        public int LastUsed = build;

        // Set when the entry is dropped, so a handle to it stops working.
        public volatile bool Dropped;
    }

    /// <summary>How many results are kept now.</summary>
    public int Count => _entries.Count;

    /// <summary>How many lookups this build found in the cache.</summary>
    public int Hits => _hits;

    /// <summary>How many lookups this build had to compute.</summary>
    public int Misses => _misses;

    private int _hits;
    private int _misses;

    /// <summary>
    /// A cache key from everything a result depends on (SHA-256 of the parts' UTF-8, so distinct
    /// inputs never share a key; a lone surrogate is encoded as U+FFFD, as anywhere in UTF-8).
    /// </summary>
    public static string Key(params string[] parts)
    {
        // One SHA-256 state per thread, reset by each hash: a one-shot HashData sets up a new
        // native context every call, and a 10,000-page rebuild computes some 30,000 keys.
        // Each part is encoded into a pooled buffer and hashed in turn, with the separator between:
        // the same bytes as hashing the parts joined by '\0', without the joined string and its
        // array (a rebuild's layout keys alone made some 30 MB of them).
        var sha = Sha256;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                sha.AppendData(Separator);
            }

            using var bytes = Documents.RentedUtf8.Of(parts[i]);
            sha.AppendData(bytes.Span);
        }

        return Finish(sha);
    }

    /// <summary>
    /// A cache key that is the parts themselves, each written as its length, ':' and the part:
    /// for short parts (paths, stamps, other keys) this is cheaper than hashing them, and just as
    /// unambiguous, whatever the parts hold (a key made this way can be a part of another). It
    /// never equals a hashed key, which is hexadecimal digits without a ':'.
    /// </summary>
    public static string Exact(params string[] parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += Digits(part.Length) + 1 + part.Length;
        }

        return string.Create(length, parts, static (span, parts) =>
        {
            foreach (var part in parts)
            {
                part.Length.TryFormat(span, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
                span[written] = ':';
                part.AsSpan().CopyTo(span[(written + 1)..]);
                span = span[(written + 1 + part.Length)..];
            }
        });
    }

    private static int Digits(int value) => value < 10 ? 1 : 1 + Digits(value / 10);

    // This thread's SHA-256 state, reset by each Finish.
    private static System.Security.Cryptography.IncrementalHash Sha256 =>
        t_sha256 ??= System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);

    private static string Finish(System.Security.Cryptography.IncrementalHash sha)
    {
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return Convert.ToHexString(hash);
    }

    [ThreadStatic]
    private static System.Security.Cryptography.IncrementalHash? t_sha256;

    private static readonly byte[] Separator = [0];

    /// <summary>
    /// Off for a one-shot build, where nothing would be reused: results are computed and not kept,
    /// so they can be collected as soon as the pipeline is done with them.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Returns the remembered value for (module, key), or computes and remembers it.</summary>
    public T GetOrAdd<T>(string module, string key, Func<T> compute) where T : notnull => GetOrAdd(module, key, compute, out _);

    /// <summary>
    /// <see cref="GetOrAdd{T}(string, string, Func{T})"/>, also giving a handle to the entry: a
    /// caller that knows the next build asks for the same key (made from equal inputs for the very
    /// same document, see <see cref="LastEntries{TInputs, T}"/>) can get the value back through
    /// <see cref="TryGet{T}"/> without making or hashing the key again. A 10,000-page rebuild
    /// looks up 20,000 keys of 150-250 characters.
    /// </summary>
    public T GetOrAdd<T>(string module, string key, Func<T> compute, out object? handle) where T : notnull
    {
        handle = null;
        if (!Enabled)
        {
            return compute();
        }

        var id = (module, key);
        if (_entries.TryGetValue(id, out var found))
        {
            Use(found);
            Interlocked.Increment(ref _hits);
            handle = found;
            return (T)found.Value;
        }

        Interlocked.Increment(ref _misses);
        var value = compute();
        var entry = new Entry(value, Volatile.Read(ref _build));
        _entries[id] = entry;
        // Two threads that compute the same key both count: the count may run high, which only
        // delays a sweep until SweepEvery.
        Interlocked.Increment(ref _used);
        handle = entry;
        return value;
    }

    /// <summary>The value behind <paramref name="handle"/> (from <see cref="GetOrAdd{T}(string, string, Func{T}, out object?)"/>), if it is still remembered.</summary>
    public bool TryGet<T>(object? handle, out T value)
    {
        if (Enabled && handle is Entry { Dropped: false } entry)
        {
            Use(entry);
            Interlocked.Increment(ref _hits);
            value = (T)entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    private void Use(Entry entry)
    {
        if (Interlocked.Exchange(ref entry.LastUsed, Volatile.Read(ref _build)) != _build)
        {
            Interlocked.Increment(ref _used);
        }
    }

    /// <summary>How many unused entries a build may leave before they are dropped.</summary>
    public const int StaleAllowed = 64;

    /// <summary>Every this many builds the unused entries are dropped however few they are.</summary>
    public const int SweepEvery = 32;

    private int _used;
    private int _sinceSweep;

    /// <summary>Called by the engine when a build ends: what this build used becomes what the next one may reuse.</summary>
    internal void Rotate()
    {
        if (_entries.Count - _used > StaleAllowed || ++_sinceSweep >= SweepEvery)
        {
            foreach (var (id, entry) in _entries)
            {
                if (entry.LastUsed != _build)
                {
                    entry.Dropped = true;
                    _entries.TryRemove(id, out _);
                }
            }

            _sinceSweep = 0;
        }

        _build++;
        _used = 0;
        _hits = 0;
        _misses = 0;
    }
}

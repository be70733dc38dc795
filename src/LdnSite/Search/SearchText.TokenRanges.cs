namespace LdnSite.Search;

// The tokeniser's walk over a text, without an iterator object per field (see SearchText.TokenRanges).
public static partial class SearchText
{
    /// <summary>
    /// Walks the tokens of a text as ranges (see <see cref="TokenRanges"/>); for <c>foreach</c>.
    /// Made only by <see cref="TokenRanges"/>: a default instance has no text to walk.
    /// </summary>
    public struct TokenRangeEnumerator(string text)
    {
        private int _at;
        private int _start;
        private bool _done;

        /// <summary>The current token.</summary>
        public Range Current { get; private set; }

        /// <summary>Itself, so <c>foreach</c> can walk it.</summary>
        public readonly TokenRangeEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next token; the text's last one ends it (empty after a trailing separator).</summary>
        public bool MoveNext()
        {
            if (_done)
            {
                return false;
            }

            var i = _at;
            while (i < text.Length)
            {
                if (!IsSeparator(text[i]))
                {
                    i++;
                    continue;
                }

                Current = _start..i;
                while (i < text.Length && IsSeparator(text[i]))
                {
                    i++;
                }

                _start = _at = i;
                return true;
            }

            Current = _start..text.Length;
            _done = true;
            return true;
        }
    }
}

namespace LdnSite.Tests.Publishing;

using System.IO.Compression;
using LdnSite.Offline;
using LdnSite.Tests.Support;

/// <summary>The offline zip is written where it is asked to be, and nowhere a prepared link points.</summary>
public sealed class DeterministicZipTests
{
    [Fact]
    public void A_link_named_like_the_old_temporary_file_is_left_alone()
    {
        using var temp = new TempFolder();
        temp.Write("site/index.html", "<p>page</p>");
        var victim = temp.Write("input/safety.md", "precious");
        var zip = temp["artifacts/site.zip"];
        Directory.CreateDirectory(temp["artifacts"]);
        File.CreateSymbolicLink(zip + ".tmp", victim);
        File.CreateSymbolicLink(zip, victim);

        DeterministicZip.Create(temp["site"], zip, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new Dictionary<string, string>(), "top");

        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Null(new FileInfo(zip).LinkTarget);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["top/index.html"], archive.Entries.Select(e => e.FullName));
        Assert.Empty(Directory.EnumerateFiles(temp["artifacts"], ".site.zip.*"));
    }
}

namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Tests.Support;

/// <summary>
/// FileKinds reads the runtime's native stat record at fixed offsets; these pin what it reads
/// against .NET's own FileInfo, so a change in that record's layout fails here, not silently in
/// which pages a rebuild thinks are unchanged.
/// </summary>
public sealed class FileKindsTests
{
    [Fact]
    public void A_regular_files_stamp_is_the_one_FileInfo_gives()
    {
        using var temp = new TempFolder();
        var path = temp.Write("page.md", new string('x', 12_345));
        File.SetLastWriteTimeUtc(path, new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_567));

        var (kind, stamp) = FileKinds.Of(path);

        var info = new FileInfo(path);
        Assert.Equal(FileKinds.Kind.RegularFile, kind);
        Assert.Equal(new FileStamp(info.LastWriteTimeUtc.Ticks, 12_345), stamp);
        Assert.Equal(new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_567), stamp!.Value.LastWriteUtc);
    }

    [Fact]
    public void A_symbolic_link_is_reported_as_one_without_a_stamp_even_when_it_points_at_a_file()
    {
        using var temp = new TempFolder();
        var target = temp.Write("target.md", "text");
        var link = temp["link.md"];
        File.CreateSymbolicLink(link, target);

        Assert.Equal((FileKinds.Kind.SymbolicLink, (FileStamp?)null), FileKinds.Of(link));
    }

    [Fact]
    public void A_named_pipe_or_a_folder_is_neither_a_file_nor_a_link()
    {
        using var temp = new TempFolder();
        var pipe = temp["pipe.md"];
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe])!)
        {
            mkfifo.WaitForExit();
        }

        Assert.Equal(FileKinds.Kind.Other, FileKinds.Of(pipe).Kind);
        Assert.Equal(FileKinds.Kind.Other, FileKinds.Of(temp.Path).Kind);
    }

    [Fact]
    public void A_missing_path_gets_the_careful_checks_of_a_link()
    {
        using var temp = new TempFolder();

        Assert.Equal(FileKinds.Kind.SymbolicLink, FileKinds.Of(temp["gone.md"]).Kind);
    }
}

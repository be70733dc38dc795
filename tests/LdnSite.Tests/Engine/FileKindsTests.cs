namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Tests.Support;
using LdnSite.Engine.Input;

/// <summary>
/// FileKinds reads the runtime's native stat record at fixed offsets; these pin what it reads
/// against .NET's own FileInfo, so a change in that record's layout fails here, not silently in
/// which pages a rebuild thinks are unchanged.
/// </summary>
public sealed class FileKindsTests
{
    [Fact]
    public void A_regular_file_is_one_and_its_stamp_is_the_one_FileInfo_gives()
    {
        using var temp = new TempFolder();
        var path = temp.Write("page.md", new string('x', 12_345));
        var written = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_567);
        File.SetLastWriteTimeUtc(path, written);

        var info = new FileInfo(path);
        Assert.Equal(FileKinds.Kind.RegularFile, FileKinds.Of(path));
        Assert.Equal(new FileStamp(info.LastWriteTimeUtc.Ticks, 12_345), FileKinds.StampOf(path));
        Assert.Equal(written, FileKinds.StampOf(path)!.Value.LastWriteUtc);
    }

    [Fact]
    public void A_symbolic_link_is_reported_as_one_and_stamped_as_its_target()
    {
        using var temp = new TempFolder();
        var target = temp.Write("target.md", "text of the target");
        var written = new DateTime(2022, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(target, written);
        var link = temp["link.md"];
        File.CreateSymbolicLink(link, target);

        Assert.Equal(FileKinds.Kind.SymbolicLink, FileKinds.Of(link));
        // A link's own time would never change when its target is edited, so a rebuild would keep the old page.
        Assert.Equal(new FileStamp(written.Ticks, "text of the target".Length), FileKinds.StampOf(link));
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

        Assert.Equal(FileKinds.Kind.Other, FileKinds.Of(pipe));
        Assert.Equal(FileKinds.Kind.Other, FileKinds.Of(temp.Path));
    }

    [Fact]
    public void A_missing_path_gets_the_careful_checks_of_a_link()
    {
        using var temp = new TempFolder();

        Assert.Equal(FileKinds.Kind.SymbolicLink, FileKinds.Of(temp["gone.md"]));
        Assert.Null(FileKinds.StampOf(temp["gone.md"]));
    }
}

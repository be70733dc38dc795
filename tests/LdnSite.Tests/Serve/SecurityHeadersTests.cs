namespace LdnSite.Tests.Serve;

using LdnSite.Serve;
using LdnSite.Tests.Support;
using Tomlyn;
using Tomlyn.Model;

/// <summary>The headers production sends (netlify.toml, read with a real TOML parser) are the dev server's.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public void Netlify_sends_the_same_security_headers_as_the_dev_server_on_every_path()
    {
        var config = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "netlify.toml")))!;
        var rules = ((TomlTableArray)config["headers"]).ToList();
        var all = rules.Single(r => (string)r["for"] == "/*");
        var values = (TomlTable)all["values"];
        foreach (var (name, value) in SecurityHeaders.All)
        {
            Assert.True(values.ContainsKey(name), $"netlify.toml lacks {name}");
            Assert.Equal(value, (string)values[name]);
        }

        Assert.Contains("script-src 'self'", SecurityHeaders.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy);
    }
}

using CareFlows.Server.Auth.OpenIdConnect;

namespace CareFlows.Server.Tests.Auth.OpenIdConnect;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/tasks/42?tab=history#notes", "/tasks/42?tab=history#notes")]
    [InlineData("https://evil.example/", null)]
    [InlineData("//evil.example", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("\\\\evil.example", null)]
    [InlineData("inbox", null)]
    [InlineData("/inbox\nX: y", null)]
    public void Only_a_path_on_this_server_is_kept(string? returnUrl, string? expected) =>
        Assert.Equal(expected, LocalReturnUrl.Check(returnUrl));

    [Fact]
    public void A_path_longer_than_any_page_of_the_app_is_refused() =>
        Assert.Null(LocalReturnUrl.Check("/" + new string('a', LocalReturnUrl.MaxLength)));
}

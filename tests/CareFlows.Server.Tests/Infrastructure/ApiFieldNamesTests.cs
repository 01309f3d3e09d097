using System.Text.Json.Serialization;
using CareFlows.Server.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Tests.Infrastructure;

public sealed class ApiFieldNamesTests
{
    public ApiFieldNamesTests() => ApiFieldNames.UseForValidation();

    [Fact]
    public void Failures_are_keyed_by_json_path_in_the_body_and_by_name_in_the_route_query_and_headers()
    {
        var request = new Request(null, 0, new Order(new Patient(null), [new Item("a"), new Item(null)], null)) { Key = "" };

        var errors = new RequestValidator().Validate(request).Errors;

        Assert.Equal(["orderId", "pageSize", "Idempotency-Key", "$.patient.givenName", "$.ref", "$.items[1]"], errors.Select(e => e.PropertyName));
        Assert.Equal("'orderId' must not be empty.", errors[0].ErrorMessage);
        Assert.Equal("'pageSize' must be greater than '0'.", errors[1].ErrorMessage);
        Assert.Equal("'Idempotency-Key' must not be empty.", errors[2].ErrorMessage);
        Assert.Equal("'givenName' must not be empty.", errors[3].ErrorMessage);
        Assert.Equal("'ref' must not be empty.", errors[4].ErrorMessage);
    }

    [Fact]
    public void A_member_named_outside_a_validator_has_the_same_key()
    {
        Assert.Equal("$.patient.givenName", ApiFieldNames.Of<Request>(r => r.Order.Patient.GivenName));
        Assert.Equal("pageSize", ApiFieldNames.Of<Request>(r => r.PageSize));
    }

    private sealed record Item(string? Name);

    private sealed record Patient(string? GivenName);

    private sealed record Order(Patient Patient, IReadOnlyList<Item> Items, [property: JsonPropertyName("ref")] string? Reference);

    private sealed record Request(
        [FromRoute(Name = "orderId")] string? OrderId,
        [FromQuery(Name = "pageSize")] int PageSize,
        [FromBody] Order Order)
    {
        [FromHeader(Name = "Idempotency-Key")]
        public string? Key { get; init; }
    }

    private sealed class RequestValidator : AbstractValidator<Request>
    {
        public RequestValidator()
        {
            RuleFor(r => r.OrderId).NotEmpty();
            RuleFor(r => r.PageSize).GreaterThan(0);
            RuleFor(r => r.Key).NotEmpty();
            RuleFor(r => r.Order.Patient.GivenName).NotEmpty();
            RuleFor(r => r.Order.Reference).NotEmpty();
            RuleForEach(r => r.Order.Items).Must(i => i.Name is not null);
        }
    }
}

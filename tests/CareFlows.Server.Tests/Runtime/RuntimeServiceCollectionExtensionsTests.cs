using CareFlows.Engine.Calendar;
using CareFlows.Server.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Server.Tests.Runtime;

public class RuntimeServiceCollectionExtensionsTests
{
    private static BusinessCalendar CalendarFrom(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddCareFlowsRuntime(configuration).BuildServiceProvider();
        return services.GetRequiredService<BusinessCalendar>();
    }

    [Fact]
    public void The_calendar_is_bound_from_the_Calendar_section()
    {
        var calendar = CalendarFrom(new()
        {
            ["Calendar:TimeZone"] = "America/Chicago",
            ["Calendar:WorkingDays:0"] = "Monday",
            ["Calendar:WorkingDays:1"] = "Tuesday",
            ["Calendar:WorkingDays:2"] = "Wednesday",
            ["Calendar:WorkingDays:3"] = "Thursday",
            ["Calendar:EndOfBusinessDay"] = "16:30",
            ["Calendar:UsFederalHolidays"] = "false",
            ["Calendar:ExtraHolidays:0"] = "2026-11-23",
        });

        Assert.Equal("America/Chicago", calendar.TimeZone.Id);
        Assert.Equal(new TimeOnly(16, 30), calendar.ClosingTime);
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 11, 20)));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 11, 23)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void Without_settings_the_calendar_is_New_York_Monday_to_Friday_with_federal_holidays()
    {
        var calendar = CalendarFrom([]);

        Assert.Equal("America/New_York", calendar.TimeZone.Id);
        Assert.Equal(new TimeOnly(17, 0), calendar.ClosingTime);
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 11, 20)));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 11, 26)));
    }
}

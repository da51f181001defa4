using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Risk;
using static RoboTrader.Engine.Tests.Risk.RiskHarness;

namespace RoboTrader.Engine.Tests.Risk;

/// <summary>
/// Property-style (seeded, so a failure reproduces): whatever the position, working orders, limits and intent, an intent
/// that survives the check never takes the position (working orders included) past any cap, never exceeds the order
/// notional limit, never grows, and in REDUCING only moves the position toward zero.
/// </summary>
public sealed class EnvelopePropertyTests
{
    [Fact]
    public void Check_AnySurvivingIntent_StaysWithinEveryLimit()
    {
        var random = new Random(6_2026);
        for (var i = 0; i < 5000; i++)
        {
            var maxPosition = Quantity.FromUnits(random.Next(1, 2000));
            var positionNotional = random.Next(3) == 0 ? 0 : random.Next(1, 500_000);
            var orderNotional = random.Next(3) == 0 ? 0 : random.Next(1, 100_000);
            var h = new RiskHarness(RiskOptions.Default with
            {
                MaxPosition = maxPosition,
                MaxPositionNotional = new Money((Int128)positionNotional * FixedPoint.Scale),
                MaxOrderNotional = new Money((Int128)orderNotional * FixedPoint.Scale),
            });
            var position = random.Next(-3000, 3001);
            var pendingBuy = random.Next(0, 500);
            var pendingSell = random.Next(0, 500);
            var reference = random.Next(100, 50_000) * (FixedPoint.Scale / 100); // 1.00 to 499.99
            h.Portfolio.Hold(0, position.ToString(System.Globalization.CultureInfo.InvariantCulture), FixedPoint.Format(reference));
            h.Portfolio.Pending(0, pendingBuy.ToString(System.Globalization.CultureInfo.InvariantCulture), pendingSell.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var reducing = random.Next(2) == 0;
            if (reducing)
            {
                h.Command(CommandKind.Reduce);
            }

            var slot = h.Trade(0, T0, FixedPoint.Format(reference));
            var buy = random.Next(2) == 0;
            var asked = new Quantity(random.NextInt64(1, 4000 * FixedPoint.Scale));
            var intent = buy ? Buy("1", FixedPoint.Format(reference)) : Sell("1", FixedPoint.Format(reference));
            intent.Quantity = asked;

            Check(slot, ref intent);

            if (!intent.IsPresent)
            {
                continue;
            }

            var q = intent.Quantity.Raw;
            var scale = FixedPoint.Scale;
            Assert.InRange(q, 1, asked.Raw);
            if (orderNotional != 0)
            {
                Assert.True((Int128)q * reference <= (Int128)orderNotional * scale * scale, $"case {i}: order notional");
            }

            // Position after every working order on the intent's side fills, in raw units.
            var after = buy ? ((long)(position + pendingBuy) * scale) + q : ((long)(position - pendingSell) * scale) - q;
            if (reducing)
            {
                Assert.True(buy ? after <= 0 : after >= 0, $"case {i}: REDUCING let the position grow");
                continue;
            }

            var cap = (Int128)maxPosition.Raw;
            if (positionNotional != 0)
            {
                cap = Int128.Min(cap, (Int128)positionNotional * scale * scale / reference);
            }

            Assert.True(buy ? after <= cap : -after <= cap, $"case {i}: past the position cap");
        }
    }
}

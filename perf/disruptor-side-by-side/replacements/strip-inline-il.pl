#!/usr/bin/perl
# Written for RoboTrader.Engine's side-by-side comparison (see README.md here). Usage:
#   strip-inline-il.pl FILE CLASS METHOD...
# Removes from FILE every method named METHOD (with the attribute lines right above it), the InlineIL using
# directives, and makes CLASS partial, so that our replacement file can supply those methods. Fails when a method is
# not found or InlineIL is still mentioned afterwards (a different Disruptor-net commit needs a look, not a guess).
use strict;
use warnings;

my ($file, $class, @methods) = @ARGV;
die "usage: $0 FILE CLASS METHOD...\n" unless defined $class && @methods;
open(my $in, '<', $file) or die "$file: $!\n";
my $text = do { local $/; <$in> };
close($in);

$text =~ s/^\s*using\s+(?:static\s+)?InlineIL(?:\.[\w.]+)?\s*;[^\n]*\n//mg;
$text =~ s/\b((?:public|internal)\s+(?:static\s+)?)class\s+\Q$class\E\b/$1partial class $class/
    or die "$file: class $class not found\n";

for my $method (@methods) {
    my $removed = 0;
    while ($text =~ /^((?:[ \t]*\[[^\n]*\]\s*\n)*)[ \t]*(?:public|private|internal)\s+(?:static\s+)?(?:unsafe\s+)?[^\n(]*?\b\Q$method\E(?:<\w+>)?\(/mg) {
        my $start = $-[0];
        my $open = index($text, '{', $+[0]);
        die "$file: no body for $method\n" if $open < 0;
        my ($depth, $pos) = (0, $open);
        for (; $pos < length($text); $pos++) {
            my $c = substr($text, $pos, 1);
            $depth++ if $c eq '{';
            $depth-- if $c eq '}';
            last if $depth == 0;
        }
        die "$file: unbalanced braces in $method\n" if $depth != 0;
        my $end = $pos + 1;
        $end++ while $end < length($text) && substr($text, $end, 1) =~ /[ \t]/;
        $end++ if substr($text, $end, 1) eq "\n";
        $end++ if substr($text, $end, 1) eq "\n";
        substr($text, $start, $end - $start) = '';
        $removed++;
        pos($text) = $start;
    }
    die "$file: method $method not found\n" unless $removed;
    print "  removed $removed x $method from $file\n";
}

die "$file: InlineIL is still used after the replacement\n" if $text =~ /InlineIL|\bIL\.|\b(?:Ldarg|Ldloc|Stloc|Initblk)\(/;
open(my $out, '>', $file) or die "$file: $!\n";
print $out $text;
close($out);

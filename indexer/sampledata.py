"""Hand-written data behind the sample corpus (`indexer.samplecorpus`).

Everything here is fiction written for the demo and the ranking evaluation: topics
(a subject followed over time, with its names, facts and the ledes of its
articles), section-style sentence pools that fill bodies out, and the tables for
syndicated copies, live-blog updates and aggregated-page boilerplate.

Text blocks are written wrapped; `items` splits a block on blank lines and joins
each item onto one line, so the data stays readable and within the line length.
Placeholders such as ``{work}`` are filled from a topic's `ents`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


def items(block: str) -> tuple[str, ...]:
    """Split a text block on blank lines; each item's whitespace is collapsed."""
    return tuple(" ".join(chunk.split()) for chunk in block.strip().split("\n\n") if chunk.strip())


@dataclass(frozen=True)
class Piece:
    """One article of a topic: its angle (`kind`), day offset, headline and lede."""

    kind: str
    day: int
    title: str
    lede: str
    lang: str = "en"
    long: bool = False
    status: str = "published"
    expires: str = ""
    sponsored: bool = False


@dataclass(frozen=True)
class Topic:
    """A subject followed over time; its articles should be related to each other."""

    slug: str
    section: str
    style: str
    start: str
    tags: tuple[str, ...]
    ents: Mapping[str, str]
    facts: tuple[str, ...]
    pieces: tuple[Piece, ...]
    facts_de: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Syndication:
    """A copy of `pieces[index]` of `topic` republished under another headline."""

    topic: str
    index: int
    title: str
    canonical: bool
    outlet: str


@dataclass(frozen=True)
class LiveUpdate:
    """A later revision of a live blog, stored as its own record."""

    topic: str
    index: int
    title: str
    hours: int
    updates: tuple[str, ...]


# Kinds per style: a piece's `kind` picks the pool; long-form pieces use every pool.
GENERIC: dict[str, dict[str, tuple[str, ...]]] = {
    "film": {
        "review": items("""
            {director} shoots with a patient eye, letting scenes breathe long after a more
            nervous filmmaker would have cut away.

            As a piece of {genre}, {work} is more interested in mood than in mechanics, and it
            is better for it.

            {lead} carries much of the picture on their face, and the camera trusts them to do it.

            The supporting turn from {support} is the quiet surprise, funny and wounded in the
            same breath.

            The second act sags a little, as if the script by {writers} was unsure how to
            bridge its two halves.

            At {runtime} minutes the film rarely outstays its welcome, though a tighter edit
            would have helped.

            The production design turns {setting} into a character of its own, all texture and
            weather.

            Not every swing lands, but the ambition is obvious in almost every frame.

            The score is used sparingly, which makes the moments when it swells land harder.

            It is the rare {genre} that trusts its audience to keep up without a voice-over
            explaining everything.

            By the final reel the film has earned its big emotional beat rather than simply
            announcing it.

            Whatever its flaws, it is the kind of film that lingers in conversation on the way
            home.
        """),
        "report": items("""
            {studio} has not commented on the figures, but people close to the production
            described the mood as cautiously optimistic.

            Industry analysts note that original projects in {genre} have struggled to find
            audiences outside the festival circuit in recent years.

            The release is dated {release} in most territories, and early word of mouth has been
            stronger than the marketing campaign suggested.

            {director} has said in earlier interviews that the project took the better part of
            six years to get made.

            Exhibitors say mid-budget titles like {work} are crucial to keeping cinemas busy
            between the summer tentpoles.

            The cast includes {lead} and {support}, with a screenplay credited to {writers}.

            Streaming rights are expected to stay with {studio} once the theatrical window
            closes.

            Distributors watch the second-weekend drop closely, since it is usually the better
            measure of word of mouth.

            Premium formats accounted for an unusually large share of ticket sales, according to
            one exhibitor.

            Much of the shoot took place on location, a choice {director} has defended as
            essential to the look of the film.

            A wider international rollout is planned over the coming weeks.
        """),
    },
    "tv": {
        "review": items("""
            {creator} builds the season patiently, and the payoff in the final two episodes
            justifies the slow start.

            {lead} anchors the ensemble with a performance that gets richer with every episode.

            Not every subplot earns its screen time, and the middle episodes could lose ten
            minutes apiece.

            The writers, led by {writers}, have a real ear for how people talk when they are
            scared.

            For a {genre}, the show is unusually willing to sit with silence.

            {support} steals several episodes outright, and deserves a bigger share of the story
            next time.

            The production values are lavish by any standard, and {setting} looks tactile rather
            than digital.

            Episodes run around {runtime} minutes, which suits the material better than the
            bloated hour-plus format.

            It is a show that rewards attention; watch it with one eye on your phone and you will
            miss half of it.

            The cliffhanger is well judged, opening new questions without cheating on the old
            ones.

            Few series this season look as confident about what they want to be.
        """),
        "report": items("""
            {platform} rarely releases viewing figures, but the show spent several weeks in its
            top-ten chart.

            {creator} has said the story was planned from the start as a multi-season arc.

            The first episode is dated {release}, with new episodes arriving weekly.

            Production is based in studios outside the city, with location work adding weeks to
            the schedule.

            Casting news has been greeted warmly by fans who had campaigned online for their
            favourites.

            A spokesperson for {platform} declined to comment on budget figures reported in the
            trade press.

            Critics have been broadly positive, though some have questioned the pacing of the
            middle episodes.

            {lead} is expected to return, alongside {support}, according to people familiar with
            the plans.

            The series has become one of the most discussed titles on social media since its
            debut.

            Renewal decisions at {platform} increasingly hinge on completion rates rather than
            raw audience size.

            The writers' room is due to reconvene early next year.
        """),
    },
    "news": {
        "report": items("""
            {official} told reporters that the priority remained the safety of {group}.

            Officials at {agency} said further updates would be published throughout the day.

            People in {place} described a tense night, with many saying they had received little
            warning.

            Opposition councillors said the response to {issue} exposed years of
            underinvestment.

            A spokesperson for {agency} said it was too early to say how long the disruption would
            last.

            Local businesses in {place} said they were already counting the cost.

            The government said it would consider requests for emergency funding once an
            assessment had been completed.

            Community groups have set up collection points for donations and volunteers.

            {official} said lessons would be learned, but declined to say whether an independent
            review would be held.

            Police asked people to avoid {place} unless their journey was essential.

            Further information is expected after a briefing scheduled for later in the week.
        """),
        "analysis": items("""
            The episode raises hard questions about how {place} prepares for events that were
            once considered rare.

            Experts say the handling of {issue} will shape public trust in {agency} for years.

            Budget documents show that spending on prevention has fallen in real terms over the
            past decade.

            For {group}, the debate is less abstract: it is about whether the same thing could
            happen again next year.

            {official} has faced criticism from colleagues over the pace of the response.

            Comparisons with other regions suggest the problem is not unique, but the scale here
            is unusual.

            An inquiry, if one is held, is likely to focus on the first forty-eight hours.

            Economists warn that the indirect costs will take far longer to show up than the
            damage itself.

            Campaigners argue that the warning signs were visible long before the crisis broke.

            Whatever happens next, the political fallout is unlikely to settle quickly.
        """),
    },
    "football": {
        "match": items("""
            {coach} has insisted all season that the squad is deeper than people give it credit
            for.

            {star} was the standout performer again, and opposition defences have started to set
            up specifically to stop that threat.

            The atmosphere at {ground} was as loud as it has been in years.

            A run of fixtures against sides in the bottom half of {league} offers a chance to
            build momentum.

            Set pieces remain a weakness, with too many goals conceded from corners.

            The midfield pressed high and won the ball back in dangerous areas throughout the
            first half.

            Injuries have forced the manager to rotate more than anyone would like.

            Supporters will remember the meeting with {rival} as a turning point, for better or
            worse.

            The January transfer window looms large, with the club expected to look for a new
            centre-back.

            Expected-goals figures suggest the results have, if anything, flattered the
            opposition.

            Nobody at the club is getting carried away, but the mood has undeniably shifted.
        """),
        "analysis": items("""
            The club's wage bill has risen sharply over three seasons, a gamble that only pays
            off with consistent results.

            Data from the last twenty matches shows a side that creates more chances than it
            concedes, but finishes poorly.

            The tactical shift to a back three has divided opinion among supporters of
            {team}.

            The academy has quietly become one of the most productive in {league}.

            Comparisons with {rival} are inevitable, given how the two clubs' recent histories
            have intertwined.

            Questions about ownership have hovered over the club for several seasons.

            The next six weeks of fixtures will tell us more than the previous six months.

            Recruitment has leaned heavily on younger players with resale value.

            The contract situation of {star} is the subplot nobody at the club wants to discuss
            publicly.

            Season-ticket holders have been vocal about price increases for next year.
        """),
    },
    "athlete": {
        "match": items("""
            {star} has spoken openly about the mental side of competing at the top level of
            {sport}.

            The conditions at {venue} made for a punishing day, and several contenders lost
            ground.

            {coach} said the plan had always been to peak for {event} rather than chase early
            results.

            {rival} remains the benchmark, and every comparison in the build-up ran through that
            name.

            The crowd was firmly on the underdog's side, and it showed in the closing stages.

            Physios worked through the evening on a niggling injury the team had tried to keep
            quiet.

            Few expected this level of form so soon, least of all the bookmakers.

            Tactically, it was a day of patience rather than fireworks.

            Sponsors have taken note; the commercial interest around {star} has grown quickly.

            There is still a long way to go, and the hardest tests are yet to come.
        """),
        "analysis": items("""
            The numbers behind the resurgence point to a change in training rather than luck.

            Younger rivals have closed the gap in {sport}, making every result harder won than a
            decade ago.

            The team around {star} has invested heavily in sports science since a disappointing
            season.

            Comparisons with {rival} dominate the coverage, but the two have very different
            styles.

            The calendar in {sport} has become more crowded, and recovery between events is a
            constant concern.

            What happens at {event} will decide how this season is remembered.

            Former professionals say the sport has rarely seen a rise of this kind.

            The governing body is reviewing scheduling after complaints from several athletes.
        """),
    },
    "tech": {
        "review": items("""
            Battery life comfortably lasted a full day of heavy use in our testing, with a little
            left over.

            At {price}, the new {category} sits in direct competition with the best from {rival}.

            Software updates are promised for years, a commitment {company} has not always
            honoured in the past.

            The build quality is excellent, though the finish picks up fingerprints far too
            easily.

            Performance is smooth for everyday tasks, and demanding games run without obvious
            throttling.

            Setup is painless, but the number of preinstalled apps is irritating at this price.

            The display is bright enough to read comfortably in direct sunlight.

            If you already own last year's model, there is little reason to upgrade.

            Accessibility settings are thoughtful and easy to find, which is not a given in the
            {category} market.

            Overall it is the most complete {category} {company} has made, if not the most
            exciting.
        """),
        "report": items("""
            {company} said it was aware of the reports and was working on a fix.

            {exec} told investors that demand had exceeded internal forecasts.

            Analysts expect {rival} to respond with price cuts before the holiday season.

            Regulators in several markets have asked {company} for more information.

            Shares in {company} moved sharply in after-hours trading following the announcement.

            Supply-chain sources say production volumes were increased last quarter.

            The company declined to share sales figures, as is its custom.

            Developers have been given early access to the new tools ahead of the public release.

            Consumer groups say buyers should check their warranty terms before seeking repairs.

            A software update is expected to roll out over the coming weeks.
        """),
    },
    "science": {
        "report": items("""
            The findings, published in {journal}, are based on several years of data.

            {scientist}, who led the work at {institution}, cautioned that the results need to
            be replicated.

            Independent experts described the study as careful, though limited in scale.

            Funding for the project came from a mix of public grants and philanthropic donors.

            The team plans to release its data so that other groups can check the analysis.

            Researchers in {field} have debated the question for more than a decade.

            The results were presented at a conference before formal publication.

            Some colleagues have questioned whether the sample is representative.

            {institution} said the next phase would begin within a year, subject to funding.

            The work adds to a growing body of evidence, rather than settling the matter.
        """),
        "feature": items("""
            For {scientist}, the project has been the focus of most of a career.

            Fieldwork is slow, painstaking and frequently interrupted by weather, equipment
            failures and paperwork.

            The bigger picture, researchers say, is how little we still know.

            Younger scientists on the team describe a culture of open argument.

            Public interest has surged, bringing both welcome attention and unwanted pressure.

            {field} has been transformed by cheaper sensors and faster computers over the last
            decade.

            Not every result has been positive, and the team is candid about the dead ends.

            Funding cycles rarely match the timescales that this kind of science requires.

            What happens next depends as much on politics as on data.
        """),
    },
    "business": {
        "report": items("""
            Shares in {company} moved sharply in early trading after the announcement.

            {exec} said the company remained committed to its long-term strategy.

            Analysts said the figures were broadly in line with expectations.

            The company employs thousands of people, many of them in {place}.

            Trade unions said they would seek urgent talks with management.

            The competition regulator is expected to examine the details.

            A spokesperson for {company} declined to comment on speculation about job cuts.

            {rival} has been watching closely, according to people familiar with its thinking.

            Investors will get a fuller picture when annual results are published.

            The {sector} sector has been squeezed by rising costs and cautious consumers.
        """),
        "analysis": items("""
            The longer-term question is whether {company} can grow without sacrificing margins.

            Debt levels across the {sector} sector have risen sharply since interest rates
            climbed.

            Consumers, for their part, have become more price-sensitive and less loyal.

            {exec} has staked a reputation on the turnaround plan.

            Previous attempts at consolidation in the sector have a mixed record.

            Pension funds are among the largest shareholders, and their patience is not
            unlimited.

            Comparisons with {rival} are instructive: it cut costs earlier and deeper.

            Much depends on the wider economy over the next twelve months.

            Few executives in the {sector} business would claim to know where prices will
            settle.
        """),
    },
    "travel": {
        "guide": items("""
            The best time to go is {season}, when the crowds thin and prices fall.

            The most practical way in is {transport}, though connections can be patchy outside
            the high season.

            Do not leave without trying {dish}, ideally somewhere without an English menu.

            Book accommodation early; the good small guesthouses fill up months ahead.

            Cash is still useful in the smaller villages, where card machines are unreliable.

            A week is enough to see the highlights without rushing.

            The weather can turn quickly, so pack layers even in summer.

            {highlight} is the obvious draw, but the quieter corners reward a slower pace.

            Local tourist offices are helpful and often better informed than the apps.

            Travel insurance that covers outdoor activities is worth the extra cost.
        """),
        "feature": items("""
            There is a particular light in {place} in the late afternoon that no photograph
            quite captures.

            Tourism has brought money to {country}, but also arguments about who it is really
            for.

            Locals are generous with directions and even more generous with opinions about food.

            The pace of life slows noticeably once you leave the main roads.

            Every conversation seemed to circle back to the weather, the harvest or the football.

            It is the kind of trip that rearranges your sense of what a holiday should be.

            Slow travel is not a slogan here; it is simply how things work.

            By the last evening, {highlight} felt less like a sight and more like a neighbour.

            It is not the easiest place to reach, which is precisely the point.
        """),
    },
}

# Plain stand-ins for names: each placeholder in a stock sentence is replaced by its
# stand-in at random (`ANON_SHARE` in the generator), so articles of one topic do not
# all repeat the same names. Placeholders not listed always take the topic's value.
ANON: dict[str, dict[str, str]] = {
    "film": {
        "work": "the film",
        "director": "the director",
        "lead": "the lead actor",
        "support": "the second lead",
        "writers": "the writers",
        "setting": "the setting",
        "studio": "the studio",
    },
    "tv": {
        "work": "the show",
        "creator": "the creator",
        "lead": "the lead",
        "support": "a supporting player",
        "writers": "the writers",
        "setting": "its world",
        "platform": "the streamer",
    },
    "news": {
        "place": "the area",
        "official": "a senior official",
        "agency": "the agency responsible",
        "issue": "the crisis",
        "group": "local people",
    },
    "football": {
        "team": "the club",
        "coach": "the manager",
        "star": "the top scorer",
        "rival": "their rivals",
        "ground": "the stadium",
        "league": "the league",
    },
    "athlete": {
        "star": "the favourite",
        "coach": "the coach",
        "rival": "the main rival",
        "event": "the event",
        "venue": "the venue",
    },
    "tech": {
        "product": "the device",
        "company": "the company",
        "exec": "a senior executive",
        "rival": "its main rival",
    },
    "science": {
        "scientist": "the lead researcher",
        "institution": "the institute",
        "journal": "a peer-reviewed journal",
    },
    "business": {
        "company": "the company",
        "exec": "the chief executive",
        "rival": "its main rival",
        "place": "the region",
    },
    "travel": {
        "place": "the region",
        "country": "the country",
        "highlight": "the best-known sight",
        "dish": "the local speciality",
    },
}

# German pools: one per style, names only from `ents` (their other values are English).
GENERIC_DE: dict[str, tuple[str, ...]] = {
    "film": items("""
        {director} inszeniert mit ruhiger Hand und lässt den Szenen Zeit zum Atmen.

        {lead} trägt den Film über weite Strecken fast allein.

        Mit {runtime} Minuten ist der Film nicht kurz, aber selten langatmig.

        Nicht jede Idee zündet, doch der Ehrgeiz ist in jeder Einstellung spürbar.

        Die Musik wird sparsam eingesetzt, umso stärker wirken die wenigen großen Momente.

        {studio} hat sich zu den Einspielergebnissen bisher nicht geäußert.

        Das Drehbuch von {writers} nimmt sich Zeit für seine Figuren.

        Am Ende bleibt ein Film, über den man auf dem Heimweg noch lange spricht.

        Die Kritik in den USA zeigte sich überwiegend begeistert.
    """),
    "tv": items("""
        {creator} erzählt die Staffel geduldig, und das Finale belohnt diese Geduld.

        {lead} überzeugt in der Hauptrolle mit einer nuancierten Darstellung.

        Nicht jeder Nebenstrang trägt, und die mittleren Folgen hätten kürzer sein können.

        Die Folgen dauern rund {runtime} Minuten, was dem Stoff gut bekommt.

        Die Serie ist bei {platform} zu sehen; neue Folgen erscheinen wöchentlich.

        {support} stiehlt in mehreren Episoden allen die Show.

        Die Ausstattung ist aufwendig, die Kulissen wirken greifbar statt digital.

        Wer nebenbei aufs Handy schaut, verpasst die Hälfte.
    """),
    "tech": items("""
        Der Akku hielt in unserem Test einen ganzen Tag intensiver Nutzung durch.

        Das {product} kostet {price} und konkurriert damit direkt mit den Spitzenmodellen von
        {rival}.

        Die Verarbeitung ist hochwertig, allerdings zieht die Oberfläche Fingerabdrücke an.

        Im Alltag läuft das System flüssig, auch anspruchsvolle Spiele ruckeln kaum.

        {company} erklärte, man kenne die Berichte und arbeite an einer Lösung.

        Verbraucherschützer raten Betroffenen, sich an den Kundendienst zu wenden.

        Wer das Vorjahresmodell besitzt, muss nicht unbedingt umsteigen.

        Analysten erwarten, dass {rival} mit Preissenkungen reagiert.
    """),
    "science": items("""
        Die Ergebnisse beruhen auf jahrelanger Vorarbeit.

        Unabhängige Fachleute bewerten die Arbeit als sorgfältig.

        Die Finanzierung stammt aus öffentlichen Mitteln und Beiträgen mehrerer Länder.

        Die Daten sollen auch anderen Forschungsgruppen zur Verfügung gestellt werden.

        Bis belastbare Ergebnisse vorliegen, dürften noch Jahre vergehen.

        Das öffentliche Interesse an dem Projekt ist groß.

        Nicht jeder Schritt verlief nach Plan, wie das Team offen einräumt.

        Was als Nächstes geschieht, hängt auch von politischen Entscheidungen ab.
    """),
    "travel": items("""
        Die beste Reisezeit sind Frühjahr und Herbst, wenn es ruhiger und günstiger wird.

        Frühzeitig buchen lohnt sich, denn die begehrten Plätze sind schnell vergeben.

        Eine Reiseversicherung mit Stornoschutz ist empfehlenswert.

        Wer langsam reist, erlebt mehr von der Landschaft.

        Die Anreise selbst wird hier zum Teil des Urlaubs.

        Am Ende der Reise fühlt man sich eher angekommen als nach jedem Flug.

        Viele Reisende schätzen es, unterwegs Zeit zu sparen und zugleich die Hotelkosten zu
        vermeiden.
    """),
    "business": items("""
        Die Aktie von {company} geriet nach der Mitteilung deutlich unter Druck.

        Analysten zeigten sich von den Zahlen wenig überrascht.

        Gewerkschaften forderten rasche Gespräche mit dem Management.

        Ein Sprecher von {company} wollte sich zu Spekulationen über Stellenabbau nicht äußern.

        Die gesamte Branche leidet unter steigenden Kosten und vorsichtigen Kunden.

        Der Konkurrent {rival} beobachtet die Entwicklung genau.

        Ein vollständigeres Bild wird die Vorlage der Jahreszahlen liefern.
    """),
}

AUTHORS: dict[str, tuple[str, ...]] = {
    "film": ("Nadia Brooks", "Owen Hartley", "Lucía Ferrer"),
    "tv": ("Jess Whitmore", "Sam Adeyemi", "Clara Byrne"),
    "news": ("Tom Riordan", "Aisha Karim", "Megan Doyle"),
    "sport": ("Danny Costa", "Rob Fenton", "Kerry Walsh"),
    "technology": ("Ravi Menon", "Julia Stein", "Chris Parker"),
    "science": ("Helen Ogden", "Marcus Lee", "Ingrid Nyström"),
    "business": ("Fiona Grant", "Nikhil Shah", "Paul Mercer"),
    "travel": ("Rosa Lindgren", "Ben Carver", "Amelie Fox"),
}
AUTHORS_DE: tuple[str, ...] = ("Katrin Weber", "Jonas Hoffmann", "Miriam Albrecht")

# Tags added by a piece's angle (kinds not listed add none).
KIND_TAGS: dict[str, str] = {
    "review": "review",
    "analysis": "analysis",
    "feature": "feature",
    "guide": "guide",
    "match": "match report",
}
LONG_TAG = "long-read"

# Aggregated film/TV pages: the "FilmDaily" boilerplate the indexer must strip.
AGGREGATOR = "FilmDaily"
PUBLISHERS: tuple[str, ...] = ("ReelWire", "Screen Ledger", "CineBeat", "Frame Rate Weekly")

# Light edits that turn an original into a syndicated copy.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("said", "stated"),
    ("more than", "over"),
    ("expected", "likely"),
    ("around", "about"),
    ("several", "a number of"),
    ("began", "started"),
    ("announced", "confirmed"),
    ("warned", "cautioned"),
    ("quickly", "rapidly"),
    ("people", "residents"),
)
WIRE_ADDITIONS: tuple[str, ...] = (
    "Additional reporting by {outlet}.",
    "This story has been updated with further details.",
    "{outlet} contributed to this report.",
    "More details are expected later in the day.",
)


# ---------------------------------------------------------------------------- film

ORBITAL_DRIFT = Topic(
    slug="orbital-drift",
    section="film",
    style="film",
    start="2024-12-10",
    tags=("Orbital Drift", "Mara Lindqvist", "science fiction", "Idris Kahn"),
    ents={
        "work": "Orbital Drift",
        "director": "Mara Lindqvist",
        "lead": "Idris Kahn",
        "support": "Noor Halvorsen",
        "studio": "Warner Bros.",
        "genre": "science-fiction thriller",
        "setting": "the ageing Tern research station",
        "release": "March 7, 2025",
        "runtime": "124",
        "writers": "Mara Lindqvist and Theo Marsh",
    },
    facts=items("""
        Orbital Drift follows a maintenance engineer aboard a decaying research station who
        discovers that the crew's tour of duty has been quietly extended, again and again, by a
        company that no longer answers its messages.

        Idris Kahn plays Elias Okonjo, the station's last qualified engineer, a man who talks to
        the failing life-support system as if it were an old dog.

        Much of the film takes place in corridors barely wide enough for two people to pass, and
        Lindqvist shoots them with a handheld camera that never quite settles.

        The station itself, named Tern, was built as a full-scale set in a former aircraft hangar
        rather than generated on computers.

        Noor Halvorsen plays the station's medical officer, who begins to suspect that the
        extension orders are being forged from inside the crew.

        The script keeps its science plausible: there are no aliens and no wormholes, only air
        scrubbers, radiation doses and a resupply capsule that never arrives.

        Lindqvist has said the story grew out of conversations with offshore oil workers about
        rotations that stretched from weeks into months.

        The sound design leans on the constant hum of fans and pumps, so that silence, when it
        finally comes, feels like a threat.

        A mid-film spacewalk, shot on wires against real black drapes, is the most talked-about
        sequence.

        Critics have compared the slow-burning paranoia of the film to the best science fiction
        of the 1970s.

        The mutiny at the heart of the story is less an uprising than a gradual refusal, as crew
        members simply stop logging their hours.

        Kahn lost weight over the shoot to capture what a year of recycled air does to a body.

        The visual palette moves from sterile white to rust and amber as the station's systems
        fail one by one.

        Composer Ilse Varga built the score from recordings of real station machinery slowed to
        a crawl.

        Warner Bros. positioned the film as an adult alternative to the spring blockbusters,
        with a modest marketing budget.

        Lindqvist, previously known for a small Swedish drama about a lighthouse keeper, makes
        her English-language debut here.

        Halvorsen's character keeps a paper diary, the only record on board that the company
        cannot edit remotely.

        The ending, which refuses to say whether help is coming, has split audiences sharply.

        Several former astronauts praised the depiction of the tedium of life in orbit after a
        special screening.

        The production consulted a former flight surgeon on how crews cope with isolation and
        broken sleep.

        The budget has not been confirmed, but it is understood to be a fraction of a typical
        space epic.

        The final shot, a slow pull back from the station's single lit window, has become one
        of the defining images of the year.

        Fan theories about the identity of the forger have circulated widely since the release.

        The film was shot in sequence, so that the actors' exhaustion built up naturally over
        the schedule.

        Lindqvist has resisted calls for a sequel, saying the story of Tern is finished.

        The station's computer, voiced with unsettling calm, is never given a name.

        Okonjo's daily ritual of checking every seal on the hull becomes, by the last act, a kind
        of prayer.

        A subplot about a crew member's child on Earth, seen only in delayed video messages, gives
        the film its most painful scenes.

        Lindqvist storyboarded the spacewalk herself over a winter, drawing more than four hundred
        panels by hand.

        The costume designer dressed the crew in layers of mismatched thermal wear, patched at the
        elbows, to suggest clothing that had been repaired for years.

        Kahn spent a week with engineers at a real mission-control centre learning how life-support
        alarms are triaged.

        One of the film's quietest scenes, in which Okonjo shaves with a dry razor while reading old
        emails, was improvised on the last day of the shoot.

        The set's corridors were built on hydraulic rigs so that the whole station could tilt when
        the orbit begins to decay.

        Theo Marsh, the co-writer, had worked for years as a safety inspector before turning to
        screenwriting.

        The resupply capsule that never arrives is mentioned in almost every scene, a running joke
        that slowly stops being funny.

        Halvorsen has said she based her doctor on the nurses she met during a long stay in
        hospital as a teenager.

        The film's title refers both to the station's slowly sinking orbit and to the crew's loss
        of any sense of time.

        Early test audiences found the first act too slow, but Lindqvist refused to cut it.

        The red emergency lighting of the final act was achieved with practical lamps rather than
        colour grading.

        By the end of the shoot, the cast had spent more than sixty days inside the hangar set
        without seeing daylight during working hours.

        Like the television series The Long Quiet, it imagines a crew kept in the dark by the
        people who sent it into space.
    """),
    facts_de=items("""
        Orbital Drift erzählt von einem Techniker auf einer verfallenden Forschungsstation, dessen
        Dienstzeit immer wieder heimlich verlängert wird.

        Idris Kahn spielt den Ingenieur Elias Okonjo, der mit der altersschwachen
        Lebenserhaltung spricht wie mit einem alten Hund.

        Regisseurin Mara Lindqvist dreht in engen Korridoren mit unruhiger Handkamera.

        Die Station Tern wurde als begehbare Kulisse in einem ehemaligen Flugzeughangar gebaut.

        Noor Halvorsen spielt die Bordärztin, die ahnt, dass die Befehle an Bord gefälscht
        werden.

        Außerirdische gibt es nicht, nur Luftfilter, Strahlendosen und eine Versorgungskapsel,
        die nie ankommt.

        Das Sounddesign setzt auf das ständige Brummen von Lüftern und Pumpen.

        Das offene Ende spaltet das Publikum.

        Die Farbpalette wandert von sterilem Weiß zu Rost und Bernstein.

        Für Lindqvist ist es der erste englischsprachige Film.
    """),
    headings=("The station", "The crew", "The sound of failure", "The ending"),
    pieces=(
        Piece(
            "report",
            0,
            "First trailer for Orbital Drift teases a slow mutiny in low orbit",
            """Warner Bros. has released the first trailer for Orbital Drift, Mara Lindqvist's
            space-station thriller, and it promises rust, sweat and a crew that has stopped
            believing it will ever go home.""",
        ),
        Piece(
            "report",
            40,
            "Mara Lindqvist on building a space station that smells of rust",
            """In a long conversation ahead of the release, the Swedish director explains why she
            refused to shoot a single corridor against a green screen, and why her engineer hero
            talks to the machines.""",
        ),
        Piece(
            "review",
            85,
            "Orbital Drift review: claustrophobic, cold and quietly devastating",
            """Idris Kahn gives the performance of his career as an engineer holding a dying
            station together with tape and stubbornness. It is the best science fiction of the
            spring, and the least flashy.""",
        ),
        Piece(
            "report",
            95,
            "Orbital Drift holds steady in its second weekend as word of mouth spreads",
            """Box office for Lindqvist's orbital thriller dipped only slightly in its second
            weekend, a rare result for an adult original and a sign that audiences are
            recommending it to each other.""",
        ),
        Piece(
            "report",
            200,
            "Inside the long, strange making of Orbital Drift",
            """Six years, one aircraft hangar, a composer with a microphone taped to an air pump
            and a lead actor who stopped eating properly: the story of how a small Swedish
            director made the most unsettling space film in years.""",
            long=True,
        ),
        Piece(
            "report",
            420,
            "Orbital Drift lands on streaming and finds a second audience",
            """A year after its modest cinema run, Orbital Drift has climbed the streaming charts,
            and a new wave of viewers is arguing online about its ending and about who forged the
            orders.""",
        ),
        Piece(
            "report",
            600,
            "Will there be an Orbital Drift sequel? What Lindqvist has said so far",
            """With the film still finding viewers, questions about a return to the Tern station
            keep coming. Here is everything the director and the studio have said on the
            record.""",
            status="draft",
        ),
        Piece(
            "review",
            88,
            "Orbital Drift: Kammerspiel im Orbit",
            """Mara Lindqvists Raumstation-Thriller ist kalt, eng und überraschend bewegend. Idris
            Kahn spielt einen Ingenieur, der eine sterbende Station mit Klebeband und Trotz
            zusammenhält.""",
            lang="de",
        ),
        Piece(
            "report",
            430,
            "Orbital Drift startet im Streaming und findet ein neues Publikum",
            """Ein Jahr nach dem Kinostart klettert Orbital Drift in den Streaming-Charts nach
            oben. Im Netz wird erneut über das offene Ende diskutiert.""",
            lang="de",
        ),
    ),
)

SALTMARSH_WIDOW = Topic(
    slug="saltmarsh-widow",
    section="film",
    style="film",
    start="2025-07-01",
    tags=("The Saltmarsh Widow", "horror", "A24", "Colm Reddy"),
    ents={
        "work": "The Saltmarsh Widow",
        "director": "Colm Reddy",
        "lead": "Ada Whitlock",
        "support": "Ruairi Dunne",
        "studio": "A24",
        "genre": "gothic horror",
        "setting": "a flooded coastal marsh",
        "release": "October 10, 2025",
        "runtime": "109",
        "writers": "Colm Reddy",
    },
    facts=items("""
        The Saltmarsh Widow is set in 1890, in a farmhouse cut off by the tide twice a day.

        Ada Whitlock plays Hester Crane, a widow who begins to hear her drowned husband calling
        from the reeds at night.

        Reddy grew up near the Irish coast and says the film is as much about grief as it is
        about ghosts.

        Much of the dread comes from sound: the creak of wet timber, the slap of water against a
        bolted door.

        It was shot on 35mm in natural light, which makes the night scenes genuinely hard to see.

        Ruairi Dunne plays a travelling curate whose kindness curdles into something more
        possessive.

        There is almost no music; the marsh birds do most of the work.

        Reddy avoids jump scares, preferring long shots in which something may or may not be
        moving in the background.

        The farmhouse was built on a real tidal island, and the crew had to schedule every day
        around the water.

        Whitlock's performance has drawn comparisons with the great gothic heroines of classic
        cinema.

        The final twenty minutes, set during a storm surge, were filmed over eleven cold nights.

        Folk tales of drowned villages along the east coast inspired the screenplay.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "A24 sets October release for Colm Reddy's The Saltmarsh Widow",
            """The studio behind some of the most admired horror films of the decade has dated
            Colm Reddy's first feature, a period ghost story starring Ada Whitlock, for the
            Halloween corridor.""",
        ),
        Piece(
            "report",
            80,
            "Win tickets to a preview screening of The Saltmarsh Widow",
            """We have pairs of tickets to give away for an early screening of Reddy's marsh-set
            horror, followed by a recorded question-and-answer session with the cast.""",
            expires="2025-09-30",
        ),
        Piece(
            "review",
            98,
            "The Saltmarsh Widow review: grief rises with the tide",
            """Colm Reddy's debut is a slow, soaking ghost story that understands that the most
            frightening thing in a haunted house is the person who refuses to leave it.""",
        ),
        Piece(
            "report",
            105,
            "The Saltmarsh Widow gives A24 its strongest horror opening in years",
            """The period chiller beat expectations on its opening weekend, helped by strong
            reviews and an audience that skewed younger than the studio expected for a film shot
            almost entirely by candlelight.""",
        ),
        Piece(
            "report",
            140,
            "Ada Whitlock: 'I spent three months learning to row in a corset'",
            """The star of The Saltmarsh Widow talks about cold nights on a tidal island, playing
            grief without tears, and why she did not watch a single horror film while preparing
            for the role.""",
        ),
        Piece(
            "review",
            300,
            "The Saltmarsh Widow on home release: a second look at the year's best ghost story",
            """On a small screen, with the lights off and the sound up, Reddy's marsh horror is
            even more unnerving, and the details hidden in its dark corners are easier to
            find.""",
        ),
    ),
)

PAPER_LANTERNS = Topic(
    slug="paper-lanterns",
    section="film",
    style="film",
    start="2025-02-15",
    tags=("Paper Lanterns", "animation", "family", "Yuki Arakawa"),
    ents={
        "work": "Paper Lanterns",
        "director": "Yuki Arakawa",
        "lead": "Mina Sato",
        "support": "Paul Brennan",
        "studio": "Netflix",
        "genre": "animated adventure",
        "setting": "a river town lit by floating lanterns",
        "release": "July 18, 2025",
        "runtime": "98",
        "writers": "Yuki Arakawa and Dana Lowell",
    },
    facts=items("""
        Paper Lanterns follows a girl named Kiko who folds a lantern that comes to life on the
        night of her town's summer festival.

        The animation blends hand-drawn characters with painted backgrounds that look like
        watercolour on rice paper.

        Mina Sato voices Kiko with a mix of stubbornness and wonder that never tips into
        cuteness.

        Arakawa spent years at a traditional animation studio before moving into feature
        direction.

        The lantern, named Hoshi, communicates only through light and colour, never through
        words.

        The villain is not a monster but a flood that threatens to wash the festival away.

        Paul Brennan voices Kiko's grandfather, a retired lantern maker who has lost the will to
        work since his wife died.

        The film is gentle enough for young children, though a storm sequence may frighten the
        smallest viewers.

        Its score mixes traditional bamboo flutes with a full orchestra.

        Parents have praised the way it treats grief and change honestly.

        The animators used hand-folded paper models as references for every lantern on screen.

        Streaming figures suggest it found a huge audience among families during the school
        holidays.

        The river town in the film was inspired by the canals and temple lanes of Kyoto.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Netflix unveils Paper Lanterns, a hand-drawn summer fable",
            """The streamer has shown the first images from Yuki Arakawa's animated feature,
            a story of a girl, her grieving grandfather and a lantern that learns to glow on its
            own.""",
        ),
        Piece(
            "review",
            153,
            "Paper Lanterns review: a small, glowing wonder for all ages",
            """Hand-drawn, unhurried and unexpectedly moving, Arakawa's fable about a lantern
            that comes to life is the rare family film that adults may enjoy even more than
            their children.""",
        ),
        Piece(
            "report",
            175,
            "Paper Lanterns is quietly becoming the family hit of the summer",
            """Without a big marketing push, the animated festival story has spent three weeks at
            the top of the streaming chart, driven by parents recommending it in school
            playgrounds and group chats.""",
        ),
        Piece(
            "report",
            210,
            "How the animators of Paper Lanterns folded a thousand lanterns by hand",
            """Before a single frame was drawn, the team built every lantern in the film out of
            real paper, photographed it under candlelight and pinned it to the studio wall.""",
        ),
        Piece(
            "review",
            320,
            "Paper Lanterns and the return of hand-drawn animation",
            """The success of a modest watercolour fable has reopened an old argument about
            whether computer animation has made family films look too much alike.""",
        ),
        Piece(
            "report",
            400,
            "Paper Lanterns 2: Netflix in early talks with Yuki Arakawa",
            """People familiar with the discussions say the streamer wants a second film set in
            Kiko's river town, though the director has yet to agree.""",
            status="draft",
        ),
    ),
)

KINGSWAY = Topic(
    slug="kingsway",
    section="film",
    style="film",
    start="2025-05-20",
    tags=("Kingsway", "crime", "heist", "Dev Malhotra"),
    ents={
        "work": "Kingsway",
        "director": "Dev Malhotra",
        "lead": "Callum Rourke",
        "support": "Simone Achebe",
        "studio": "Apple TV+",
        "genre": "crime thriller",
        "setting": "a rain-soaked 1980s London",
        "release": "November 21, 2025",
        "runtime": "141",
        "writers": "Dev Malhotra and Ruth Ellery",
    },
    facts=items("""
        Kingsway reconstructs a fictional bullion robbery at a London security depot in the
        winter of 1983.

        Callum Rourke plays Frank Dolan, a former boxer who plans the job as a way out of debt.

        Simone Achebe plays the detective sergeant who is the only one to suspect an inside man.

        The robbery itself takes up barely fifteen minutes; the rest of the film deals with the
        fallout.

        Malhotra shot the raid in a single unbroken take using a remote-controlled camera rig.

        The period detail, from the cars to the cigarette brands, is meticulous.

        At well over two hours it takes its time, and some viewers will find the final act
        overlong.

        The gold, once stolen, proves almost impossible to sell without attracting attention.

        Achebe's interrogation scenes crackle with tension and dry humour.

        Malhotra grew up in south London and says the story is about class as much as crime.

        The soundtrack is built around post-punk and early electronic music of the period.

        A limited cinema run preceded the arrival of the film on Apple TV+ in December.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Apple's Kingsway wraps filming after a gruelling London shoot",
            """Dev Malhotra's period crime drama finished its shoot after fourteen weeks of night
            work in south London, including a single-take robbery sequence that took nine days
            to rehearse.""",
        ),
        Piece(
            "report",
            120,
            "Kingsway trailer: Callum Rourke plans the robbery of the decade",
            """The first trailer for Malhotra's heist film shows Rourke as a debt-ridden former
            boxer and Simone Achebe as the detective who will not let the case go.""",
        ),
        Piece(
            "review",
            180,
            "Kingsway review: a heist film more interested in what comes after",
            """The robbery is thrilling, but the best of Dev Malhotra's long, moody crime saga is
            the slow collapse that follows, as a fortune in gold turns out to be worth nothing to
            the men who stole it.""",
        ),
        Piece(
            "report",
            215,
            "Kingsway becomes Apple TV+'s most-watched film debut of the year",
            """After a short run in cinemas, the London heist drama has drawn the streamer's
            biggest opening audience for a film this year, according to figures shared with the
            trade press.""",
        ),
        Piece(
            "report",
            230,
            "The single-take robbery that anchors Kingsway, explained",
            """How a remote-controlled camera, a replica security depot and nine days of
            rehearsal produced the fifteen unbroken minutes everyone is talking about.""",
        ),
        Piece(
            "report",
            240,
            "Kingsway director accused of borrowing plot from 1990s TV drama",
            """A screenwriter has claimed that the plot of Dev Malhotra's heist film closely
            follows an unproduced script he submitted to a broadcaster decades ago.""",
            status="unpublished",
        ),
    ),
)

QUIET_CONDUCTOR = Topic(
    slug="quiet-conductor",
    section="film",
    style="film",
    start="2025-10-05",
    tags=("The Quiet Conductor", "biopic", "classical music", "Tomasz Brandt"),
    ents={
        "work": "The Quiet Conductor",
        "director": "Helena Marsh",
        "lead": "Tomasz Brandt",
        "support": "Greta Olsen",
        "studio": "Disney+",
        "genre": "musical biopic",
        "setting": "post-war Vienna and New York",
        "release": "February 13, 2026",
        "runtime": "132",
        "writers": "Helena Marsh and Owen Pike",
    },
    facts=items("""
        The Quiet Conductor tells the story of Anton Reiss, a fictional conductor who lost his
        hearing at the height of his career.

        Tomasz Brandt learned to conduct for the role, spending months with a professional
        orchestra.

        The film moves between Reiss's triumphs in 1950s New York and his final years teaching
        in Vienna.

        Greta Olsen plays his wife and manager, whose own ambitions are slowly swallowed by his.

        The concert scenes were recorded live with a full orchestra rather than mimed to
        playback.

        Sound drops out entirely in several scenes, putting the audience inside Reiss's deafness.

        Marsh has said she was drawn to the story of an artist forced to find music in
        vibration and memory.

        Critics have singled out a rehearsal scene in which Reiss conducts by feeling the floor
        through his shoes.

        The costume design moves from wartime austerity to post-war glamour.

        Some musicians have questioned the film's liberties with how orchestras actually
        rehearse.

        The film premiered at an autumn festival before its streaming release.

        Brandt is widely tipped for awards attention.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "The Quiet Conductor premieres to a standing ovation at autumn festival",
            """Helena Marsh's drama about a conductor who goes deaf received a twelve-minute
            ovation at its world premiere, with Tomasz Brandt visibly moved in the stalls.""",
        ),
        Piece(
            "review",
            2,
            "The Quiet Conductor review: a biopic that listens harder than most",
            """Instead of building to a triumphant final concert, Helena Marsh's film builds to
            silence, and Tomasz Brandt makes that silence devastating.""",
        ),
        Piece(
            "report",
            76,
            "Live-score screening of The Quiet Conductor: book your seats",
            """A symphony orchestra will perform the film's concert pieces live under the screen
            for two nights only, with tickets released to readers first.""",
            expires="2025-12-20",
        ),
        Piece(
            "report",
            90,
            "Tomasz Brandt on learning to lead an orchestra in six months",
            """The Polish actor describes blistered hands, a patient conductor who let him
            rehearse with her players, and the day he realised he had to stop listening to act
            the part.""",
        ),
        Piece(
            "report",
            131,
            "The Quiet Conductor arrives on Disney+ after festival buzz",
            """The awards contender about a deaf maestro is now streaming, giving viewers who
            missed its short cinema run a chance to see what the festival audiences were crying
            about.""",
        ),
        Piece(
            "report",
            150,
            "Awards season: Tomasz Brandt picks up best actor nominations",
            """Brandt's performance as a conductor who loses his hearing has earned him
            nominations from three major voting bodies, and his name is now near the top of
            every prediction list.""",
        ),
    ),
)


# ------------------------------------------------------------------------------ tv

LONG_QUIET = Topic(
    slug="long-quiet",
    section="tv",
    style="tv",
    start="2024-12-05",
    tags=("The Long Quiet", "HBO", "science fiction", "Priya Anand"),
    ents={
        "work": "The Long Quiet",
        "creator": "Priya Anand",
        "lead": "Joel Marten",
        "support": "Hana Okafor",
        "platform": "HBO",
        "genre": "science-fiction drama",
        "setting": "the generation ship Meridian",
        "release": "January 19, 2025",
        "runtime": "58",
        "writers": "Priya Anand and Sam Keogh",
    },
    facts=items("""
        The Long Quiet is set aboard the Meridian, a generation ship three centuries into a
        voyage whose destination none of the living passengers will see.

        Joel Marten plays Captain Aurel Voss, an inherited leader who was raised to believe the
        voyage is on schedule.

        The first season turns on the discovery that the ship's course was changed decades ago,
        and that the records were altered to hide it.

        Hana Okafor plays Teodora Lind, an archivist who finds the original logbooks hidden in
        the hull.

        Society on board is divided between the forward decks, where the command families live,
        and the crowded agricultural rings.

        Anand has described the show as a political drama that happens to take place in space.

        Each episode opens with a short recorded message from the ship's founders, played on a
        loop for generations.

        The production built the agricultural rings as a working greenhouse set with real
        crops.

        Voss's slow realisation that his own family has been lying to him is the emotional spine
        of the season.

        There are almost no space battles; the conflicts are about food, water and who gets to
        know the truth.

        Critics have praised the writing for treating a large ensemble as people rather than
        types.

        The second season moves the story forward by twenty years.

        Okafor's archivist becomes the reluctant leader of a reform movement in the lower
        rings.

        The design gives the ship a lived-in feel: patched walls, hand-painted signs and
        recycled clothing.

        A recurring motif is the Quiet itself, the crew's name for the hours when the engines
        are shut down to save fuel.

        The writers consulted sociologists on how isolated communities preserve and distort
        their history.

        The finale of the first season, in which the true course is broadcast to every deck,
        became one of the most-watched episodes of the year on the platform.

        Several episodes are told from the point of view of children born on board who have
        never seen a planet.

        The soundtrack uses choral music sung in an invented shipboard dialect.

        Viewers have compared the series to classic novels about generation ships, though it is
        an original story.

        Anand worked as a staff writer on several political dramas before creating the series.

        The ruling council meets in a chamber designed to look like a church, a deliberate
        choice by the production designers.

        The second season introduces a faction that wants to turn the ship around and head for
        home.

        Ratings grew week by week through the first season, an unusual pattern for a prestige
        drama.

        The series has been praised for its careful portrayal of ageing and disability in a
        closed society.

        Marten has said the hardest part of the role was playing a leader who slowly discovers
        he is a figurehead.

        Water rationing, announced by a chime that every passenger dreads, drives several of the
        strongest episodes.

        The ship's doctors keep a ledger of births and deaths that turns out to be the last
        honest record on board.

        The Meridian's founders are seen only in grainy recordings, smiling and confident, which
        makes their lies all the more chilling.

        A black market in seeds operates in the agricultural rings, run by a woman known only as the
        Gardener.

        The show's title card changes subtly every episode as the ship's true position is revealed.

        Anand insisted that every deck have its own accent, worked out with a dialect coach.

        Children on board learn history from a single approved textbook, which the second season
        reveals has been rewritten four times.

        The ship's engines are rarely shown; instead the show uses the sound of their absence during
        the Quiet.

        Voss's mother, the former captain, dies in the third episode and leaves him a sealed letter
        he cannot bring himself to open.

        The set for the command deck was built around a real observatory dome salvaged from a
        decommissioned planetarium.

        The logbooks Teodora finds are written on paper, because the founders did not trust the
        ship's computers.

        An episode set entirely during a hull breach drill was shot in a single continuous take.

        Fans have mapped the ship's decks in detail, using clues from background signage.

        The second season's central question is whether a people who never chose the voyage are
        bound by it.

        Its success helped open the door for other cerebral science fiction on television, such
        as Apple's first-contact drama Signal Nine.
    """),
    facts_de=items("""
        The Long Quiet spielt an Bord der Meridian, eines Generationenschiffs, das seit
        dreihundert Jahren unterwegs ist.

        Joel Marten spielt Kapitän Aurel Voss, der glaubt, die Reise verlaufe nach Plan.

        Hana Okafor verkörpert die Archivarin Teodora Lind, die die ursprünglichen Logbücher
        entdeckt.

        Der Kurs des Schiffes wurde vor Jahrzehnten geändert und die Aufzeichnungen gefälscht.

        Die Gesellschaft an Bord ist gespalten zwischen den Kommandodecks und den überfüllten
        Agrarringen.

        Schöpferin Priya Anand beschreibt die Serie als politisches Drama, das zufällig im All
        spielt.

        Raumschlachten gibt es kaum; es geht um Nahrung, Wasser und die Frage, wer die Wahrheit
        kennen darf.

        Die zweite Staffel springt zwanzig Jahre in die Zukunft.

        Eine neue Fraktion will das Schiff wenden und nach Hause zurückkehren.

        Die Musik nutzt Chorgesang in einem erfundenen Schiffsdialekt.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "HBO's The Long Quiet sets January premiere for generation-ship drama",
            """Priya Anand's ambitious series about a ship three hundred years into its voyage
            will premiere in January, HBO said, with a first look at Joel Marten as the captain
            who has never questioned his orders.""",
        ),
        Piece(
            "review",
            44,
            "The Long Quiet review: a slow, grand voyage worth taking",
            """HBO's new science-fiction drama is less interested in the stars than in the
            people stuck between them, and its patient first episodes build a society you will
            believe in.""",
        ),
        Piece(
            "review",
            100,
            "The Long Quiet's finale rewrites everything the crew thought they knew",
            """The first season ends with the truth about the Meridian's course broadcast to every
            deck, and with a captain who has to decide whether he is still in command of
            anything.""",
        ),
        Piece(
            "report",
            110,
            "The Long Quiet renewed for a second season, with a twenty-year time jump",
            """HBO has ordered more episodes of its generation-ship drama after ratings grew every
            week, and the creator says the story will leap two decades ahead.""",
        ),
        Piece(
            "review",
            250,
            "Three hundred years from home: why The Long Quiet is the smartest show on television",
            """A ship that has forgotten where it is going, a captain who inherited a lie and an
            archivist with a box of logbooks: how Priya Anand turned a science-fiction premise
            into the sharpest political drama of the year.""",
            long=True,
        ),
        Piece(
            "report",
            520,
            "The Long Quiet season two trailer reveals a ship divided",
            """Twenty years on, the Meridian is split between those who want to continue the
            voyage and those who want to turn back, and the first trailer suggests the argument
            will not stay peaceful.""",
        ),
        Piece(
            "review",
            560,
            "The Long Quiet season two review: the revolution will be rationed",
            """The time jump pays off. Older, angrier and running short of water, the crew of the
            Meridian give the second season a bitter edge that the first only hinted at.""",
        ),
        Piece(
            "review",
            50,
            "The Long Quiet: Ein Generationenschiff auf Irrfahrt",
            """Die neue HBO-Serie interessiert sich weniger für die Sterne als für die Menschen,
            die zwischen ihnen festsitzen. Ein langsamer, aber lohnender Flug.""",
            lang="de",
        ),
        Piece(
            "report",
            530,
            "The Long Quiet: Zweite Staffel mit Zeitsprung und gespaltener Crew",
            """Zwanzig Jahre später ist die Besatzung der Meridian zerstritten. Der erste Trailer
            zur zweiten Staffel deutet einen offenen Konflikt an.""",
            lang="de",
        ),
    ),
)

SIGNAL_NINE = Topic(
    slug="signal-nine",
    section="tv",
    style="tv",
    start="2025-06-10",
    tags=("Signal Nine", "Apple TV+", "science fiction", "first contact"),
    ents={
        "work": "Signal Nine",
        "creator": "Marcus Bell",
        "lead": "Elena Ruiz",
        "support": "Kwame Asante",
        "platform": "Apple TV+",
        "genre": "science-fiction thriller",
        "setting": "a radio observatory in the Chilean desert",
        "release": "September 12, 2025",
        "runtime": "47",
        "writers": "Marcus Bell and Ines Carvalho",
    },
    facts=items("""
        Signal Nine begins when a radio telescope in the Atacama picks up a repeating signal that
        seems to answer a message sent from Earth in the 1970s.

        Elena Ruiz plays Dr Sofia Marín, the astronomer who first notices the pattern in the
        data.

        The show treats first contact as a bureaucratic nightmare, with governments fighting
        over who gets to reply.

        Kwame Asante plays a security official sent to take control of the observatory.

        Each episode is named after a step in the decoding of the signal.

        The senders are never shown; the series is about how people react to the idea of them.

        The desert scenes were filmed at a real observatory site, which gives the show a
        striking sense of scale.

        The mystery of what the ninth transmission contains drives the first season.

        Bell has said he wanted to make a show about scientists that gets the science right.

        A subplot about a leak to the press gives parts of the season the feel of a newsroom
        drama.

        Working radio astronomers served as consultants on the scripts.

        The finale ends with humanity's reply being transmitted, without revealing what it
        says.

        Critics have compared its patient pace with HBO's generation-ship drama The Long Quiet.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Apple TV+ orders Signal Nine, a first-contact drama set in the Atacama",
            """Marcus Bell's series about astronomers who receive an answer to a decades-old
            message has been given a full season, with Elena Ruiz in the lead.""",
        ),
        Piece(
            "review",
            92,
            "Signal Nine review: the aliens are calling, and nobody can agree what to say",
            """Apple's new science-fiction series never shows its extraterrestrials. It does not
            need to: the fight on Earth over how to answer them is tense enough.""",
        ),
        Piece(
            "report",
            130,
            "Signal Nine's astronomer consultants on what the show gets right",
            """Two radio astronomers who read every script explain how the series handles
            telescopes, data pipelines and the dull reality of checking a signal for
            interference.""",
        ),
        Piece(
            "review",
            150,
            "Signal Nine finale explained: what was in the ninth transmission?",
            """The first season ends with a reply sent into space and a message we never get to
            read. Here is what the finale revealed, what it held back, and the clues planted
            along the way.""",
        ),
        Piece(
            "report",
            200,
            "Signal Nine renewed as Apple bets on cerebral science fiction",
            """The desert-set contact drama will return for a second season, the streamer said,
            after strong completion rates and a loyal audience of puzzle-solvers.""",
        ),
        Piece(
            "report",
            380,
            "Signal Nine season two casting news (embargoed until Thursday)",
            """Two new regulars join the observatory team for the next season, including a
            diplomat sent to negotiate the second reply.""",
            status="draft",
        ),
    ),
)

CROWN_OF_ASH = Topic(
    slug="crown-of-ash",
    section="tv",
    style="tv",
    start="2025-11-15",
    tags=("Crown of Ash", "Disney+", "fantasy", "Rhiannon Vale"),
    ents={
        "work": "Crown of Ash",
        "creator": "Rhiannon Vale",
        "lead": "Marek Dorn",
        "support": "Lila Fenwick",
        "platform": "Disney+",
        "genre": "fantasy epic",
        "setting": "the volcanic kingdom of Caldera",
        "release": "April 3, 2026",
        "runtime": "64",
        "writers": "Rhiannon Vale and Jonah Pryce",
    },
    facts=items("""
        Crown of Ash is set in Caldera, a kingdom built on the slopes of a volcano that its
        rulers claim to control.

        Marek Dorn plays King Osric, whose right to rule depends on a ritual that is said to keep
        the mountain quiet.

        Lila Fenwick plays Sera, a miner's daughter who discovers that the ritual is a fraud.

        The show is based on a bestselling series of novels, though the writers have changed
        several major plotlines.

        Its long-rumoured dragons turn out to be something far stranger: creatures of living
        stone.

        The production built entire villages on a volcanic island to film the opening
        episodes.

        Disney+ has described it as the most expensive series it has ever produced.

        Battle scenes are few but enormous, with hundreds of extras in hand-made armour.

        The politics of Caldera, with its guilds, priests and mining clans, are the real heart
        of the story.

        Vale has said she wanted a fantasy world in which the economy makes sense.

        Fans of the novels have debated the casting of Osric, who is much older in the books.

        The eruption sequence in the fourth episode took more than a year of visual effects
        work.

        The score relies heavily on drums and low brass, evoking the rumble of the mountain.

        The violence is less graphic than in some rival fantasy shows, reflecting the platform's
        broader audience.

        Sera's rise from the mines to the royal court unfolds over the whole first season.

        The costume department aged the fabrics with real ash and soot rather than digital
        effects.

        A prequel novel by the original author was published to coincide with the premiere.

        The language of the mining clans was created by a linguist and has its own grammar.

        Critics have noted a debt to earlier fantasy epics but praised the focus on labour and
        class.

        The volcanic setting gives the show a distinctive palette of black, red and grey.

        Several actors trained with stunt teams for months to perform their own fight scenes.

        The mountain itself is treated almost as a character, with its own moods and warnings.

        Viewing figures for the premiere broke platform records in several countries.

        The season ends with the mountain waking, leaving the kingdom's future in doubt.

        Vale's background in theatre shows in the long, talky council scenes.

        A second season was ordered before the first had finished airing.

        The guild of glassmakers, who turn volcanic sand into the kingdom's wealth, quietly
        funds the rebellion.

        Osric's court astrologer, the only person who has read the old eruption records, becomes
        the most dangerous man in Caldera.

        The royal palace is carved into a lava tube, lit by mirrors that carry daylight deep into
        the rock.

        Sera's father dies in a mine collapse in the first episode, an event the court blames on the
        miners' lack of faith.

        The priests of the mountain sell tokens that promise protection from the fire, and the show
        follows the money closely.

        Osric's queen, a foreigner from across the sea, is the only member of the court who openly
        doubts the ritual.

        The stone creatures are animated from performances by dancers wearing motion-capture suits.

        Each episode's title is a word from the miners' invented language.

        The capital's market, with stalls of obsidian, sulphur and glass, took four months to build.

        Vale wrote the first draft of the pilot on a research trip to a working volcano observatory.

        The show follows a strict rule that magic, if it exists at all, is never shown directly.

        Sera's best friend, a glassblower's apprentice, becomes the first casualty of the rebellion.

        A council scene in the sixth episode runs for twenty minutes without a single cut away from
        the table.

        The crown itself is made of black volcanic glass and is said to have been cut from the
        mountain's heart.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Disney+ reveals first look at Crown of Ash, its most expensive series yet",
            """The first images from Rhiannon Vale's fantasy epic show a kingdom clinging to the
            side of a volcano, a king in a crown of black glass and a young miner who does not
            bow.""",
        ),
        Piece(
            "report",
            90,
            "Crown of Ash casting guide: who plays whom in the volcanic fantasy epic",
            """From Marek Dorn's anxious king to Lila Fenwick's defiant miner, here is who is who
            in Caldera, and how the casting differs from the books.""",
        ),
        Piece(
            "review",
            139,
            "Crown of Ash review: fire, stone and a kingdom built on a lie",
            """Disney's big-budget fantasy is at its best not in its battles but in its council
            chambers, where a frightened king tries to keep a mountain and a population in
            line.""",
        ),
        Piece(
            "report",
            150,
            "Crown of Ash premiere breaks Disney+ viewing records",
            """The opening episode of the volcanic fantasy drew the largest audience the platform
            has recorded for a series debut, according to the company.""",
        ),
        Piece(
            "report",
            160,
            "Relive Crown of Ash with the official Caldera companion app",
            """Maps, family trees and behind-the-scenes videos: the companion app for the hit
            fantasy series puts the whole kingdom of Caldera in your pocket.""",
            sponsored=True,
        ),
        Piece(
            "report",
            200,
            "Beneath the mountain: how Crown of Ash built a fantasy world that makes sense",
            """Guilds that set prices, miners who strike, priests who sell forgiveness and a
            volcano that does not care: an inside look at the economics, languages and politics
            behind the most expensive series Disney has made.""",
            long=True,
        ),
        Piece(
            "review",
            210,
            "Crown of Ash finale review: the mountain wakes, and nothing will be the same",
            """The first season ends with fire, as it always had to, but the most shocking moment
            of the finale happens in a quiet room far from the eruption.""",
        ),
    ),
)

TIDEWATER = Topic(
    slug="tidewater",
    section="tv",
    style="tv",
    start="2025-03-01",
    tags=("Tidewater", "Netflix", "crime drama", "Nordic noir"),
    ents={
        "work": "Tidewater",
        "creator": "Sigrid Holm",
        "lead": "Anders Lykke",
        "support": "Maja Berg",
        "platform": "Netflix",
        "genre": "Nordic crime drama",
        "setting": "a fishing town on the Danish west coast",
        "release": "May 22, 2025",
        "runtime": "52",
        "writers": "Sigrid Holm and Erik Vang",
    },
    facts=items("""
        Tidewater opens with the discovery of a body tangled in a fishing net off the Danish
        coast.

        Anders Lykke plays Inspector Nils Brandt, a detective who returns to the town where he
        grew up.

        Maja Berg plays a marine biologist whose research on fish stocks becomes central to the
        case.

        The investigation exposes a quota fraud that has kept the town's fleet afloat for years.

        Grey skies and a wind-battered harbour are as much a part of the show's identity as the
        plot.

        Holm has said she wanted to write about communities that depend on a single industry.

        The series is in Danish with subtitles, though an English dub is available.

        Each episode ends with a slow drone shot over the dunes.

        Brandt's troubled relationship with his father, a retired skipper, adds a personal
        layer.

        Viewers far beyond Scandinavia turned the show into an unexpected global hit.

        The second season moves the story to the Faroe Islands.

        Critics have compared it favourably with the classics of Nordic noir.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Netflix's Tidewater brings Nordic noir to a Danish fishing town",
            """Sigrid Holm's crime series, shot on the wind-blown west coast of Jutland, follows
            a detective investigating a death among the trawlermen he grew up with.""",
        ),
        Piece(
            "review",
            82,
            "Tidewater review: a murder mystery with salt in its veins",
            """Netflix's Danish thriller does not reinvent the genre, but its sense of place is so
            strong you can almost smell the diesel and the herring.""",
        ),
        Piece(
            "report",
            110,
            "How Tidewater became Netflix's surprise global hit",
            """A subtitled show about fishing quotas was not supposed to top charts in forty
            countries. Its creator and its star explain what happened.""",
        ),
        Piece(
            "review",
            120,
            "Tidewater ending explained: who killed the skipper's son?",
            """The final episode ties the body in the net to a fraud that reaches the harbour
            office. Here is how the pieces fit together, with full spoilers.""",
        ),
        Piece(
            "report",
            330,
            "Tidewater season two heads to the Faroe Islands",
            """Inspector Brandt is leaving Jutland behind. The second season moves north to the
            Faroes, where a missing research vessel awaits.""",
        ),
        Piece(
            "review",
            440,
            "Tidewater season two review: colder, darker, better",
            """On the cliffs of the Faroe Islands, Netflix's Nordic crime drama finds a harsher
            landscape and a sharper story, and Anders Lykke rises to both.""",
        ),
    ),
)

MIDNIGHT_DESK = Topic(
    slug="midnight-desk",
    section="tv",
    style="tv",
    start="2026-03-02",
    tags=("The Midnight Desk", "late-night", "Ben Alder", "comedy"),
    ents={
        "work": "The Midnight Desk",
        "creator": "Ben Alder",
        "lead": "Ben Alder",
        "support": "Carla Mendes",
        "platform": "HBO",
        "genre": "late-night comedy",
        "setting": "a cramped studio in Manhattan",
        "release": "September 8, 2014",
        "runtime": "35",
        "writers": "Ben Alder, Nora Quinn and Teddy Marsh",
    },
    facts=items("""
        The Midnight Desk has run for twelve seasons, mixing monologues, sketches and long,
        unhurried interviews.

        Ben Alder announced that the current season would be his last, ending one of the longest
        runs in late-night television.

        Carla Mendes has led the house band since the first episode and often joins the comedy
        segments.

        The show's signature segment, a deadpan reading of viewer complaints, became a staple of
        online clips.

        Audiences for late-night shows have declined sharply as viewers move to short videos.

        Alder said he wanted to leave while the show was still good rather than wait to be
        cancelled.

        The writing staff has launched the careers of several well-known comedians.

        Speculation about a successor has focused on two former correspondents.

        The final week featured a string of surprise guests from the show's history.

        Alder's interviews were known for being long, curious and occasionally awkward.

        The network has said it has no plans to replace the show with another nightly programme.

        The last episode ended with the studio lights being switched off one by one.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Ben Alder to step down from The Midnight Desk after twelve seasons",
            """The host told his studio audience that this season would be the last, ending a
            run that outlasted three network presidents and most of his rivals.""",
        ),
        Piece(
            "report",
            20,
            "Who could replace Ben Alder? The contenders for late night's empty chair",
            """Two former correspondents, a podcast star and a sitcom actor are among the names
            being discussed, though the network may simply switch the lights off.""",
        ),
        Piece(
            "report",
            45,
            "Tickets for The Midnight Desk's last studio tapings released",
            """A small batch of free tickets for the final weeks of recordings will be released
            online on Monday morning, the show said.""",
            expires="2026-05-01",
        ),
        Piece(
            "review",
            60,
            "The Midnight Desk's best moments, from the complaint readings to the interviews",
            """Twelve seasons, thousands of guests and one very patient bandleader. We picked the
            segments that defined Ben Alder's time behind the desk.""",
        ),
        Piece(
            "report",
            85,
            "The Midnight Desk final week: surprise guests and a few tears",
            """Former writers, old guests and a marching band squeezed into the tiny studio as
            the show began its farewell.""",
        ),
        Piece(
            "review",
            90,
            "The Midnight Desk finale review: Ben Alder turns the lights off gently",
            """No big speech, no celebrity parade: the last episode of the late-night show was
            quiet, funny and exactly as awkward as it needed to be.""",
        ),
    ),
)


# ---------------------------------------------------------------------------- news

VALE_FLOODS = Topic(
    slug="vale-floods",
    section="news",
    style="news",
    start="2025-01-20",
    tags=("floods", "Lower Vale", "River Wend", "weather"),
    ents={
        "place": "the Lower Vale",
        "official": "council leader Ruth Hadley",
        "agency": "the River Authority",
        "issue": "the flooding",
        "group": "residents",
    },
    facts=items("""
        The River Wend burst its banks after three days of continuous rain, flooding more than
        four hundred homes across the Lower Vale.

        Emergency crews used boats to reach families trapped on upper floors in the village of
        Ashby Cross.

        The River Authority issued its highest level of warning for the first time since the
        valley's flood defences were completed.

        A temporary barrier at Millbrook held through the night, but water overtopped it early
        the following morning.

        Rest centres were opened in school halls in Kelsey and Wendham for those forced from
        their homes.

        Farmers reported livestock losses as fields turned into lakes across the valley floor.

        The main road between Wendham and the coast was closed after a section of embankment
        collapsed.

        Rail services through the valley were suspended because of water on the line.

        Meteorologists said the rainfall total was the highest recorded in the area for more
        than a century.

        Engineers are inspecting the Millbrook defences to understand why they failed.

        Residents said the order to evacuate came too late for many to move their belongings
        upstairs.

        The clean-up is expected to take months, with many homes needing to be stripped back to
        the brick.

        Insurers sent loss adjusters into the valley within days, but some householders have no
        cover at all.

        Hadley said the council would set up a hardship fund for families without insurance.

        A second crest of floodwater was expected as rain fell on already saturated ground
        upstream.

        Volunteers from neighbouring towns arrived with vans, sandbags and hot food.

        Schools in the affected villages stayed closed for more than a week.

        An elderly man died after his car was swept off a flooded lane near Ashby Cross.

        Drainage experts said building on the flood plain had made the valley more vulnerable.

        Ministers announced emergency funding for affected households after a visit to the
        valley.

        Photographs of the flooded market square in Wendham were shared widely online.

        Sewage overflowed into homes in several streets, adding a health risk to the damage.

        Environmental groups called for tree planting in the hills to slow the flow of water
        into the Wend.

        The River Authority has promised an independent review of its warning system.

        Shopkeepers on Wendham's high street estimated the cost of the damage in the millions.

        Residents have formed an action group demanding permanent defences before next winter.

        Dehumidifiers hummed in almost every house on Mill Lane for weeks after the water
        receded.

        Some families have been told they will not be able to move back in before the summer.

        In Ashby Cross, the water reached the top of the bar in the village pub, where a line now
        marks the height.

        Farmers on the valley floor moved sheep to the churchyard, the highest ground for miles.

        Postal deliveries to the valley were suspended for six days.

        The Millbrook barrier was a temporary structure that had been installed while permanent
        defences were designed.

        Many residents said they had been told for years that their homes were at low risk.

        Volunteers set up a free laundry in a lorry parked outside the Wendham library.

        The council's emergency planning team worked from a borrowed office after their own building
        flooded.

        A local radio station stayed on air through the night, reading out road closures and rescue
        requests.

        Mould began to appear in damp homes within a fortnight, adding to health worries.

        Builders from across the region have been drawn to the valley by the volume of repair work.

        The parish council in Kelsey is collecting residents' photographs to create a record of the
        flood.

        Hadley has promised that the council will publish every report on the flood defences in
        full.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Live: River Wend bursts its banks as Lower Vale floods",
            """Follow the latest as the River Wend overtops its banks after three days of rain.
            Homes in Ashby Cross and Wendham are flooded and the River Authority has issued its
            most severe warning.""",
        ),
        Piece(
            "report",
            1,
            "Hundreds evacuated as flood barrier at Millbrook fails",
            """Water poured over a temporary barrier at Millbrook before dawn, forcing hundreds of
            people from their homes and cutting the main road through the valley.""",
        ),
        Piece(
            "report",
            3,
            "Lower Vale floods: man dies after car is swept away near Ashby Cross",
            """An 81-year-old man has died after his car was carried off a flooded lane, the first
            death linked to the floods, as a second crest of water moves down the Wend.""",
        ),
        Piece(
            "report",
            6,
            "Ministers visit Wendham as emergency flood funding is announced",
            """Households in the flooded valley will receive emergency grants, the government
            said, as ministers toured the damaged market square and met families in a rest
            centre.""",
        ),
        Piece(
            "analysis",
            14,
            "Why the Millbrook flood defences failed",
            """The barrier was meant to protect the valley for a century. It lasted one night.
            Engineers, councillors and residents explain what went wrong.""",
        ),
        Piece(
            "report",
            30,
            "Lower Vale families return to homes stripped to the brick",
            """A month after the floods, the water has gone but the damage has not. Families in
            Ashby Cross describe living upstairs while builders rip out everything below.""",
        ),
        Piece(
            "analysis",
            70,
            "After the water: a valley counts the cost of the Wend floods",
            """Two months on, the Lower Vale is drying out, arguing and rebuilding. A long look at
            what happened in the valley, who was left without help and what has to change before
            the next winter rains.""",
            long=True,
        ),
        Piece(
            "report",
            300,
            "River Authority review blames warning delays for Lower Vale flood damage",
            """An independent review found that flood warnings reached some villages hours
            later than they should have, and that the Millbrook barrier had not been properly
            tested.""",
        ),
    ),
)

METRO_STRIKE = Topic(
    slug="metro-strike",
    section="news",
    style="news",
    start="2025-09-08",
    tags=("strike", "Eastbridge", "metro", "transport"),
    ents={
        "place": "Eastbridge",
        "official": "transport commissioner Daniel Okoye",
        "agency": "the Metro Transit Authority",
        "issue": "the strike",
        "group": "commuters",
    },
    facts=items("""
        Metro drivers in Eastbridge walked out at dawn, shutting all six underground lines for
        the first time in twenty years.

        The drivers' union says the dispute is about safety and rest breaks rather than pay
        alone.

        Buses were packed and roads gridlocked as hundreds of thousands of commuters looked for
        other ways to get to work.

        The Metro Transit Authority offered a four percent pay rise, which the union rejected as
        inadequate.

        Businesses in the city centre reported footfall down by nearly half on the first day.

        Talks at the conciliation service broke down late on Wednesday after eleven hours.

        Bike hire schemes reported record demand during the walkout.

        The union has threatened a further week of action if no agreement is reached.

        Hospital staff said some night-shift workers were sleeping on site to avoid the commute.

        Okoye called the walkout reckless and urged both sides to return to talks.

        A deal was finally reached after three weeks, with new rules on rest and a phased pay
        increase.

        Members voted to accept the offer by a clear majority.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Live: Eastbridge metro shut down as drivers strike",
            """All six underground lines are closed after drivers walked out at dawn. Follow the
            latest on travel disruption, talks and what it means for your journey.""",
        ),
        Piece(
            "report",
            2,
            "Eastbridge strike talks collapse after eleven hours",
            """Negotiations between the metro drivers' union and the transit authority broke up
            without agreement late on Wednesday, raising the prospect of a longer walkout.""",
        ),
        Piece(
            "report",
            4,
            "Commuters turn to bikes and buses as metro walkout enters third day",
            """With the underground still closed, Eastbridge workers are cycling, car-sharing and
            walking, and some employers have told staff to stay at home.""",
        ),
        Piece(
            "analysis",
            8,
            "What Eastbridge's metro strike is really about",
            """Pay gets the headlines, but drivers say the dispute began with fatigue, rosters
            and a near miss in a tunnel last winter.""",
        ),
        Piece(
            "report",
            21,
            "Eastbridge metro strike ends as drivers accept new deal",
            """Trains will run again from Monday after union members voted to accept an offer
            that includes guaranteed rest breaks and a phased pay rise.""",
        ),
    ),
)

HOSPITAL_CYBERATTACK = Topic(
    slug="hospital-cyberattack",
    section="news",
    style="news",
    start="2026-02-10",
    tags=("cyberattack", "ransomware", "Northfield", "health"),
    ents={
        "place": "Northfield",
        "official": "trust chief executive Dr Alan Price",
        "agency": "the Northfield Health Trust",
        "issue": "the cyberattack",
        "group": "patients",
    },
    facts=items("""
        A ransomware attack forced Northfield General Hospital to divert ambulances and cancel
        planned operations.

        Staff went back to paper records as computer systems across the trust were taken
        offline.

        The criminal group behind the attack demanded a ransom in cryptocurrency, which the
        trust refused to pay.

        Blood test results were delayed for days because laboratory systems could not send data
        to the wards.

        Specialists from the national cyber security centre were sent to help restore systems.

        Patients were warned that personal data may have been stolen and published online.

        Cancer treatments were prioritised as the hospital worked through a growing backlog.

        Security researchers said the attackers got in through an unpatched remote access
        server.

        Family doctors in the area were also affected because they rely on shared hospital
        systems.

        The trust said most systems were restored within three weeks, though some took longer.

        Stolen records, including some medical notes, later appeared on a leak site.

        An independent review recommended stronger separation between hospital networks.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Northfield General cancels operations after ransomware attack",
            """Ambulances are being diverted and planned surgery has been postponed after a
            cyberattack took computer systems offline across the Northfield Health Trust.""",
        ),
        Piece(
            "report",
            2,
            "Northfield hospital staff return to pen and paper as systems stay down",
            """Nurses are writing drug charts by hand and porters are carrying test results
            between wards, two days after hackers crippled the hospital's computers.""",
        ),
        Piece(
            "report",
            5,
            "Northfield hack: staff member blamed for opening infected email",
            """Sources inside the trust have named an administrator they say opened the message
            that let the attackers in.""",
            status="unpublished",
        ),
        Piece(
            "report",
            9,
            "Hackers publish data stolen in Northfield hospital cyberattack",
            """Files including some patient records have appeared on a criminal leak site after
            the trust refused to pay a ransom, and patients have been told to watch for
            scams.""",
        ),
        Piece(
            "analysis",
            16,
            "How a single unpatched server opened the door to Northfield's hospital hack",
            """Investigators believe the attackers walked in through a remote access system that
            had been waiting for a security update for months. Why do hospitals keep falling
            for the same thing?""",
        ),
        Piece(
            "report",
            80,
            "Northfield cyberattack review calls for tighter hospital network security",
            """An independent review of the ransomware attack says the trust's systems were too
            interconnected and that warnings about old software were not acted on.""",
        ),
    ),
)

RIDGE_WILDFIRE = Topic(
    slug="ridge-wildfire",
    section="news",
    style="news",
    start="2026-07-28",
    tags=("wildfire", "Carran Ridge", "heatwave", "fire service"),
    ents={
        "place": "the Carran Ridge",
        "official": "fire chief Marta Quill",
        "agency": "the regional fire service",
        "issue": "the wildfire",
        "group": "residents",
    },
    facts=items("""
        A wildfire that started on the Carran Ridge spread rapidly overnight, driven by strong
        easterly winds.

        Several hundred residents of the hamlets of Dunmore and High Carran were evacuated as
        the flames approached.

        Firefighting aircraft were called in from neighbouring regions to drop water on the
        fire front.

        The blaze burned through more than three thousand hectares of heath and forestry
        plantation.

        Investigators are examining whether the fire was started by a discarded barbecue.

        A temporary ban on open fires was extended across the national park.

        Smoke could be seen from the coast more than forty kilometres away.

        Ecologists warned that ground-nesting birds would be among the worst affected.

        Firefighters worked shifts of twelve hours or more through a record heatwave.

        Rain finally helped crews bring the fire under control after nine days.

        Several homes and a community hall in High Carran were destroyed.

        Local farmers said they had warned for years about the risk posed by dense, unmanaged
        plantations.

        For many in the region it was the second emergency in two years, after the floods that
        swept through the Lower Vale.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Live: Carran Ridge wildfire forces evacuations",
            """Residents of Dunmore and High Carran have been told to leave as a fast-moving fire
            spreads along the ridge. Follow the latest from the fire service.""",
        ),
        Piece(
            "report",
            2,
            "Carran Ridge fire doubles in size as winds strengthen",
            """Crews lost ground overnight as easterly gusts pushed the flames into forestry
            plantations, and aircraft from three neighbouring regions joined the fight.""",
        ),
        Piece(
            "report",
            4,
            "Barbecue suspected as police open investigation into ridge wildfire",
            """Officers are appealing for walkers who were on the ridge on Sunday afternoon after
            the remains of a disposable barbecue were found near the point of origin.""",
        ),
        Piece(
            "report",
            9,
            "Rain helps firefighters bring Carran Ridge blaze under control",
            """After nine days and more than three thousand hectares, the wildfire is contained,
            and evacuated families are being allowed back to see what is left.""",
        ),
        Piece(
            "analysis",
            20,
            "The Carran Ridge fire was a warning. Is anyone listening?",
            """Dense plantations, hotter summers and thinly stretched crews: the conditions that
            fed the ridge fire are not going away.""",
        ),
    ),
)

ESTUARY_BRIDGE = Topic(
    slug="estuary-bridge",
    section="news",
    style="news",
    start="2025-04-14",
    tags=("Hale Estuary Bridge", "infrastructure", "Porthaven", "roads"),
    ents={
        "place": "Porthaven",
        "official": "transport minister Grace Lin",
        "agency": "the highways agency",
        "issue": "the bridge closure",
        "group": "drivers",
    },
    facts=items("""
        The Hale Estuary Bridge was closed to all traffic after engineers found cracks in two of
        its main support cables.

        The closure added up to ninety minutes to journeys between Porthaven and the towns on
        the northern shore.

        Ferry operators laid on extra sailings, but queues at the terminals stretched for hours.

        The bridge, opened in 1971, carries around sixty thousand vehicles a day.

        Inspection reports had flagged corrosion in the cable anchorages as early as 2019.

        The highways agency said the bridge would reopen to cars, but not lorries, after
        emergency repairs.

        Hauliers warned that the weight limit would cost the regional economy dearly.

        Lin announced a review of all bridges of similar design.

        Engineers used drones and robotic crawlers to inspect the inside of the cables.

        A full replacement of the cables is expected to take several years.

        Shops on the northern shore reported a sharp drop in customers.

        Campaigners renewed calls for a rail tunnel under the estuary.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Hale Estuary Bridge closed after cracks found in support cables",
            """The main road link across the estuary was shut without warning on Monday night
            after an inspection found damage to two cables, leaving drivers facing long
            detours.""",
        ),
        Piece(
            "report",
            2,
            "Ferry queues and ninety-minute detours as estuary bridge stays shut",
            """Commuters between Porthaven and the northern shore are leaving home before dawn,
            and ferry operators say they cannot add sailings fast enough.""",
        ),
        Piece(
            "report",
            10,
            "Corrosion warnings on Hale bridge were raised years ago, documents show",
            """Inspection reports seen by this newspaper show engineers flagged rust in the cable
            anchorages in 2019, but repairs were repeatedly postponed.""",
        ),
        Piece(
            "report",
            24,
            "Hale Estuary Bridge reopens to cars, but lorries stay banned",
            """Emergency repairs allow light traffic to cross again, but a weight limit will keep
            heavy goods vehicles on the long way round for months.""",
        ),
        Piece(
            "analysis",
            60,
            "The ageing bridges and the repair bill nobody wants to pay",
            """The Hale crossing is not the only structure from the 1970s showing its age. A
            backlog of repairs is building up across the road network.""",
        ),
    ),
)


# --------------------------------------------------------------------------- sport

HARBOUR_CITY_FC = Topic(
    slug="harbour-city-fc",
    section="sport",
    style="football",
    start="2025-08-09",
    tags=("Harbour City", "football", "Premier Division", "Elena Sorokina"),
    ents={
        "team": "Harbour City",
        "coach": "Elena Sorokina",
        "star": "Tomás Ferreira",
        "rival": "Westport Rovers",
        "ground": "the Quayside Stadium",
        "league": "the Premier Division",
    },
    facts=items("""
        Harbour City began the season as outsiders, having finished ninth the year before.

        Elena Sorokina, appointed in the summer, became the first woman to manage a club in the
        Premier Division.

        Tomás Ferreira scored in each of the first six league games, a club record.

        A 3-1 win away at Westport Rovers in October lifted Harbour City to the top of the
        table.

        The club is owned by a supporters' trust, which has turned down offers from overseas
        investors.

        Sorokina's side press aggressively from the front, a style that wears opponents down
        late in games.

        Goalkeeper Ben Achterberg kept eleven clean sheets before Christmas.

        A hamstring injury kept Ferreira out for six weeks in midwinter.

        Kofi Mensah, an eighteen-year-old midfielder from the academy, broke into the first
        team.

        Harbour City were knocked out of the cup in the fourth round after a replay.

        The Quayside Stadium sold out every home game for the first time in its history.

        Sorokina had previously managed in the Dutch and Russian leagues.

        A run of three defeats in February briefly threatened to derail the title challenge.

        Ferreira signed a contract extension in March, ending speculation about a move abroad.

        The title was confirmed with two games to spare after a 2-0 win at home.

        Supporters lined the harbour front for an open-top bus parade.

        The club's budget is less than half that of the league's biggest spenders.

        Analysts credit the recruitment team, which signed several players from the lower
        leagues.

        Captain Marcus Hale lifted the trophy in his final season before retirement.

        Sorokina was named the league's manager of the year.

        The title means Harbour City will play in European competition for the first time.

        The ground, hemmed in by warehouses and cranes, is one of the oldest in the league.

        Mensah's emergence has attracted scouts from several major European clubs.

        The decisive goal of the title-clinching match came from a set piece practised all
        week.

        The supporters' trust has pledged to invest the prize money in the women's team and the
        academy.

        Ferreira finished as the division's top scorer with twenty-six goals.

        Sorokina's decision to train at dawn, before the dockyard shifts began, became part of
        the club's folklore.

        The dressing room was rebuilt over the summer with money raised by a fans' share issue.

        Sorokina's first training session was held on a public pitch because the club's own training
        ground was being resurfaced.

        Ferreira arrived from a second-tier club in Portugal for a fee smaller than many players'
        annual wages in the division.

        Achterberg, the goalkeeper, had been released by two clubs before signing for Harbour City.

        The supporters' trust holds its meetings in a former sailors' mission next to the ground.

        The club's away following doubled over the season, with extra trains laid on for big games.

        Mensah's first goal for the club came in a cup tie against his boyhood heroes.

        Sorokina is known for her detailed video sessions, held in a converted shipping container.

        The defeat at home to Kingsmere in February was the first time the crowd had booed all
        season.

        Hale, the captain, has been at the club for fourteen years, through two relegations.

        The title-winning side included only three players who cost a transfer fee.

        Local businesses along the harbour painted their shutters in the club's blue and white.

        Harbour City's previous league title came in an era when the ground still had standing
        terraces on all four sides.

        While Harbour City chased the title, Northgate United spent the season fighting
        relegation at the other end of the table.
    """),
    pieces=(
        Piece(
            "analysis",
            -40,
            "Harbour City season tickets: renewal window opens",
            """Season-ticket holders at the Quayside Stadium have until the end of July to renew
            their seats before they are released to the waiting list.""",
            expires="2025-07-31",
        ),
        Piece(
            "match",
            0,
            "Ferreira double gives Harbour City a winning start",
            """Tomás Ferreira scored twice at the Quayside Stadium as Elena Sorokina's first
            league game in charge ended in a comfortable win.""",
        ),
        Piece(
            "match",
            63,
            "Harbour City go top after 3-1 win at Westport Rovers",
            """Sorokina's pressing side produced their best performance of the season to beat
            Westport away and climb to the top of the Premier Division for the first time in
            decades.""",
        ),
        Piece(
            "analysis",
            150,
            "Harbour City's Ferreira out for six weeks with hamstring injury",
            """The league's top scorer limped off in the first half against Kingsmere, and the
            club has confirmed he will miss the busy winter schedule.""",
        ),
        Piece(
            "analysis",
            215,
            "Ferreira commits his future to Harbour City with new contract",
            """The striker has ended months of speculation by signing an extension, a statement
            of intent from a club owned by its own supporters.""",
        ),
        Piece(
            "match",
            270,
            "Harbour City crowned champions with two games to spare",
            """A 2-0 win at the Quayside Stadium sealed the most unlikely title in years, and the
            supporters who own the club poured onto the pitch at the final whistle.""",
        ),
        Piece(
            "analysis",
            290,
            "From ninth to first: the inside story of Harbour City's title season",
            """A manager nobody had heard of, a striker who would not stop scoring and a club
            owned by its fans: how Harbour City won the league on half the budget of their
            rivals.""",
            long=True,
        ),
    ),
)

NORTHGATE_UNITED = Topic(
    slug="northgate-united",
    section="sport",
    style="football",
    start="2025-10-04",
    tags=("Northgate United", "football", "Premier Division", "relegation"),
    ents={
        "team": "Northgate United",
        "coach": "Gareth Pryce",
        "star": "Jonas Eklund",
        "rival": "Castleford Athletic",
        "ground": "Moor Lane",
        "league": "the Premier Division",
    },
    facts=items("""
        Northgate United have won only two of their first twelve league games, leaving them
        bottom of the table.

        Gareth Pryce was sacked after a 4-0 home defeat to Castleford Athletic.

        The club appointed former player Stuart Lomax as caretaker manager.

        Winger Jonas Eklund has been the one bright spot in a miserable season.

        Fans staged a protest outside Moor Lane against the club's owners.

        A points deduction for breaching financial rules added to Northgate's problems.

        The January signings of a centre-back and a goalkeeper steadied the defence.

        Lomax was given the job permanently after a run of four games unbeaten.

        The relegation fight went down to the final day of the season.

        A late equaliser on the final day kept the club up on goal difference.

        The owners have since put the club up for sale.

        Eklund is expected to leave in the summer despite the great escape.

        At the other end of the Premier Division, Harbour City's title charge made Northgate's
        struggles look even starker.

        Northgate's only win before Christmas came against a Harbour City side missing the injured
        Tomás Ferreira.
    """),
    pieces=(
        Piece(
            "match",
            0,
            "Eklund shines but Northgate United's winless run goes on",
            """Jonas Eklund hit the post twice and set up the only goal, but a late penalty left
            Northgate without a league win in seven games.""",
        ),
        Piece(
            "analysis",
            35,
            "Northgate United sack Gareth Pryce after 4-0 home defeat",
            """The manager has paid the price for a humiliating afternoon against Castleford
            Athletic, with the club bottom of the Premier Division and supporters in open
            revolt.""",
        ),
        Piece(
            "analysis",
            60,
            "Northgate United hit with points deduction over financial breaches",
            """An independent panel found the club broke spending rules over three seasons, and
            the penalty leaves Northgate six points from safety.""",
        ),
        Piece(
            "analysis",
            120,
            "Stuart Lomax named Northgate United manager after unbeaten run",
            """The former captain, who took over as caretaker in November, has been given the job
            until the end of next season after four games without defeat.""",
        ),
        Piece(
            "match",
            230,
            "Northgate United survive on final day as late equaliser seals escape",
            """A header in the 89th minute at Moor Lane kept Northgate in the Premier Division on
            goal difference, completing one of the great escapes.""",
        ),
        Piece(
            "analysis",
            260,
            "Northgate United owners put club up for sale",
            """Weeks after avoiding relegation, the owners say they will sell, and supporters'
            groups are already talking to potential buyers.""",
        ),
    ),
)

GRAND_TOUR = Topic(
    slug="grand-tour",
    section="sport",
    style="athlete",
    start="2025-07-05",
    tags=("cycling", "Tour des Cimes", "Anouk de Vries", "grand tour"),
    ents={
        "star": "Anouk de Vries",
        "event": "the Tour des Cimes",
        "coach": "sports director Luca Bellini",
        "rival": "Chiara Moretti",
        "venue": "the Col de la Serre",
        "sport": "cycling",
    },
    facts=items("""
        Anouk de Vries took the leader's jersey after a solo attack on the first mountain stage.

        The Tour des Cimes covers more than three thousand kilometres over three weeks.

        De Vries rides for a Dutch team that has built its entire season around this race.

        Chiara Moretti, the defending champion, lost nearly two minutes in a crash on the
        cobbled stage.

        The decisive climb to the Col de la Serre rises more than a thousand metres in fourteen
        kilometres.

        De Vries's team-mates controlled the pace on the flat stages to protect her lead.

        Temperatures above thirty-five degrees forced organisers to shorten one stage.

        The time trial on the penultimate day left De Vries with a winning margin of forty-one
        seconds.

        Moretti fought back in the Alps, winning two mountain stages.

        Crowds lined the final climb several deep, some of them camping there for days.

        De Vries became the first Dutch rider to win the race in more than thirty years.

        The race has grown rapidly in prize money and television audience since it was
        founded.
    """),
    pieces=(
        Piece(
            "match",
            0,
            "Tour des Cimes: De Vries attacks early as the race hits the mountains",
            """Anouk de Vries went clear on the first big climb and rode alone for twenty
            kilometres to take the stage and the leader's jersey.""",
        ),
        Piece(
            "match",
            5,
            "Moretti loses two minutes in crash on the cobbled stage",
            """The defending champion went down on a wet sector of cobbles and finished well
            behind the leaders, turning the general classification upside down.""",
        ),
        Piece(
            "match",
            9,
            "Heatwave forces Tour des Cimes organisers to shorten stage",
            """With temperatures climbing past thirty-five degrees, the race jury cut forty
            kilometres from the route after riders' representatives raised safety concerns.""",
        ),
        Piece(
            "match",
            14,
            "Moretti strikes back on the Col de la Serre",
            """The Italian champion won the hardest mountain stage of the race and cut her deficit
            to under a minute, but De Vries held on to yellow.""",
        ),
        Piece(
            "match",
            20,
            "Anouk de Vries wins the Tour des Cimes after nerveless time trial",
            """The Dutch rider extended her lead against the clock on the penultimate day and
            rode into the final city as the first Dutch winner in more than thirty years.""",
        ),
        Piece(
            "analysis",
            40,
            "How De Vries's team built a Tour winner from scratch",
            """Five years ago the team had no leader for the big races. A patient plan, a new
            sports director and a rider who trusted it changed that.""",
        ),
    ),
)

LENA_VOS = Topic(
    slug="lena-vos",
    section="sport",
    style="athlete",
    start="2026-01-12",
    tags=("tennis", "Lena Vos", "comeback", "Summer Open"),
    ents={
        "star": "Lena Vos",
        "event": "the Summer Open",
        "coach": "coach Marco Ferri",
        "rival": "Ana Kostić",
        "venue": "the Summer Open's centre court",
        "sport": "tennis",
    },
    facts=items("""
        Lena Vos returned to the tour after eighteen months out with a knee injury that required
        two operations.

        Her ranking had fallen outside the top four hundred during her absence.

        Vos won her first match back in straight sets, to a standing ovation.

        Marco Ferri has rebuilt her serve to reduce the strain on her knee.

        Ana Kostić, the world number one, called Vos the most dangerous unseeded player in any
        draw.

        Vos reached the quarter-finals of a major tournament for the first time since her
        injury.

        Her run at the Summer Open ended in a three-set semi-final against Kostić.

        Vos has spoken about the loneliness of rehabilitation and the doubts she had about
        returning.

        Protected ranking rules gave her entry to tournaments she would otherwise have missed.

        She won her first title since the comeback on clay in the spring.

        Commentators have praised her more aggressive return game.

        Vos finished the season back inside the top twenty.
    """),
    pieces=(
        Piece(
            "match",
            0,
            "Lena Vos wins on her return after eighteen months out",
            """The former top-ten player needed barely an hour to win her first match since
            knee surgery, and the crowd would not let her leave the court.""",
        ),
        Piece(
            "analysis",
            40,
            "Vos's new serve: how Marco Ferri rebuilt a champion's game",
            """A shorter toss, less knee bend and more spin. Her coach explains the changes that
            let Lena Vos play without pain.""",
        ),
        Piece(
            "match",
            110,
            "Lena Vos claims first title since comeback on the clay",
            """Vos beat a qualifier in the final to lift her first trophy in more than two years,
            and said afterwards she had not dared to imagine it.""",
        ),
        Piece(
            "match",
            175,
            "Vos beats second seed to reach Summer Open semi-finals",
            """An unseeded Lena Vos produced her best tennis since the injury to knock out the
            second seed in straight sets.""",
        ),
        Piece(
            "match",
            178,
            "Kostić ends Vos's Summer Open run in three-set thriller",
            """The world number one needed almost three hours to subdue Lena Vos in a semi-final
            that had the centre court on its feet.""",
        ),
        Piece(
            "analysis",
            300,
            "Lena Vos's comeback season, by the numbers",
            """From outside the top four hundred to inside the top twenty: the statistics behind
            the most remarkable return of the tennis year.""",
        ),
        Piece(
            "analysis",
            310,
            "Lena Vos: 'I didn't know if my knee would let me play again'",
            """In a long interview, Vos talks about rehabilitation, doubt and the night she
            almost retired.""",
            status="draft",
        ),
    ),
)


# ---------------------------------------------------------------------- technology

NIMBUS_PHONE = Topic(
    slug="nimbus-phone",
    section="technology",
    style="tech",
    start="2025-02-20",
    tags=("Nimbus", "Nimbus X7", "smartphones", "Android"),
    ents={
        "product": "Nimbus X7",
        "company": "Nimbus",
        "exec": "chief executive Hana Ito",
        "rival": "Corvid",
        "category": "phone",
        "price": "899 euros",
    },
    facts=items("""
        The Nimbus X7 has a 6.3-inch display, a slimmer frame than its predecessor and a titanium
        edge.

        Its main camera uses a larger sensor that performs noticeably better in low light.

        Nimbus has moved to its own in-house chip for the first time, ending years of reliance
        on outside suppliers.

        The battery is rated at 4,800mAh and supports fast charging at up to 65 watts.

        Some early owners reported that the X7 became uncomfortably hot while charging.

        Nimbus released a software update that it said would limit charging speed when the phone
        is warm.

        The phone runs NimbusOS 6, which adds on-device transcription and a redesigned camera
        app.

        A periscope telephoto lens offers five-times optical zoom.

        The X7 is the first Nimbus handset to ship without a charger in the box.

        Repairability scores are middling, with the battery glued firmly in place.

        Nimbus promised seven years of security updates, matching the industry's best.

        The haptic feedback is among the best we have tested.

        Pre-orders were the strongest in the company's history, according to Nimbus.

        A cheaper X7 Lite followed a few months later with a plastic back and a smaller battery.

        Nimbus's market share has grown steadily in Europe over the past three years.

        The company's founder started it as a small handset brand aimed at students.

        Reviewers have praised the colour accuracy of the screen, though it is not the
        brightest.

        Nimbus uses recycled aluminium in the frame and says its packaging is plastic-free.

        The fingerprint reader sits under the display and is quick and reliable.

        Wireless charging is supported but slow compared with rivals.

        Video stabilisation is excellent, making the X7 a strong choice for creators.

        A software bug briefly caused some X7 units to drop mobile signal after an update.

        Nimbus said the overheating problem affected fewer than one percent of units.

        Consumer groups in two countries asked Nimbus to offer refunds to affected customers.

        The X7's design has been widely copied by cheaper brands.

        Nimbus plans to open its first flagship shops in several European capitals.

        After six months the battery still held more than ninety-five percent of its original
        capacity in our testing.

        The camera app's night mode takes about two seconds per shot, which is slow but rarely
        blurry.

        The X7 weighs 186 grams, light for a phone with a periscope camera.

        Nimbus redesigned the speaker grilles, and stereo sound is noticeably louder and clearer.

        The ultra-wide camera is the weakest of the three, with soft corners in daylight.

        Portrait mode separates hair from background more convincingly than previous Nimbus phones.

        A dedicated camera button on the side can be pressed halfway to focus.

        The X7 supports satellite messaging for emergencies in a limited number of countries.

        NimbusOS 6 includes a battery health screen that shows charge cycles and estimated capacity.

        The titanium edge resisted scratches well, though the glass back picked up a hairline mark
        after a fall.

        Charging from empty to full takes about forty minutes on the fastest Nimbus charger.

        The phone is rated for water resistance to a depth of six metres for thirty minutes.

        Nimbus's own chip runs cooler than the supplier chips it replaced under sustained load,
        except while charging.

        Several accessories makers had cases on sale on launch day, a sign of the brand's growing
        reach.

        Corvid, Nimbus's closest European rival, has chosen to focus on folding phones instead.
    """),
    facts_de=items("""
        Das Nimbus X7 hat ein 6,3-Zoll-Display und einen Rahmen mit Titankante.

        Erstmals setzt Nimbus auf einen selbst entwickelten Prozessor.

        Die Hauptkamera nutzt einen größeren Sensor und liefert bei wenig Licht deutlich bessere
        Bilder.

        Der Akku fasst 4.800 mAh und lässt sich mit bis zu 65 Watt laden.

        Einige Käufer berichten, dass das Gerät beim Laden unangenehm heiß wird.

        Ein Software-Update soll die Ladeleistung drosseln, wenn das Telefon warm ist.

        Ein Periskop-Teleobjektiv bietet fünffachen optischen Zoom.

        Ein Ladegerät liegt nicht mehr im Karton.

        Nach Angaben von Nimbus ist weniger als ein Prozent der Geräte vom Überhitzen betroffen.

        Der Fingerabdrucksensor unter dem Display arbeitet schnell und zuverlässig.
    """),
    headings=("Design and screen", "Camera", "Battery and heat", "Verdict"),
    pieces=(
        Piece(
            "report",
            0,
            "Nimbus X7 launch: titanium edges and the company's first in-house chip",
            """Nimbus has unveiled its new flagship phone, and the biggest change is one you
            cannot see: a processor designed by the company itself.""",
        ),
        Piece(
            "report",
            2,
            "Deal: free earbuds with Nimbus X7 pre-orders, ends Sunday",
            """Order the new Nimbus flagship before the weekend and the company will add its
            wireless earbuds at no extra cost.""",
            expires="2025-03-09",
        ),
        Piece(
            "review",
            14,
            "Nimbus X7 review: the best camera Nimbus has made, with one hot caveat",
            """The new flagship takes superb low-light photos and feels expensive in the hand,
            but it gets warmer than it should on the charger.""",
        ),
        Piece(
            "review",
            30,
            "Capture every moment with the Nimbus X7 camera",
            """From city nights to family dinners, the X7's larger sensor and five-times zoom are
            built for the moments that matter. Brought to you by Nimbus.""",
            sponsored=True,
        ),
        Piece(
            "report",
            45,
            "Nimbus X7 owners report overheating while charging",
            """Complaints are piling up on forums from owners whose phones become too hot to hold
            on fast chargers, and Nimbus says it is investigating.""",
        ),
        Piece(
            "report",
            52,
            "Nimbus rolls out update to tame X7 charging temperatures",
            """A software update will slow charging when the phone is warm. Nimbus insists only a
            tiny fraction of handsets are affected.""",
        ),
        Piece(
            "review",
            190,
            "Six months with the Nimbus X7: a long-term review",
            """Half a year, two software updates, one cracked screen protector and thousands of
            photos later, here is how the Nimbus flagship has held up in daily use.""",
            long=True,
        ),
        Piece(
            "review",
            230,
            "Nimbus X7 Lite review: most of the flagship for half the price",
            """The cheaper X7 keeps the best camera tricks and loses the titanium. For most buyers
            that is a good trade.""",
        ),
        Piece(
            "report",
            1,
            "Nimbus X7 vorgestellt: Titanrahmen und eigener Chip",
            """Nimbus zeigt sein neues Spitzenmodell. Die wichtigste Neuerung steckt im Inneren:
            ein selbst entwickelter Prozessor.""",
            lang="de",
        ),
        Piece(
            "review",
            20,
            "Nimbus X7 im Test: Starke Kamera, heißer Akku",
            """Das neue Flaggschiff macht hervorragende Nachtaufnahmen, wird beim Schnellladen
            aber wärmer als es sollte.""",
            lang="de",
        ),
        Piece(
            "report",
            50,
            "Nimbus X7 wird beim Laden heiß – Update soll helfen",
            """Nach Beschwerden in Foren kündigt Nimbus ein Software-Update an, das die
            Ladeleistung bei hohen Temperaturen drosselt.""",
            lang="de",
        ),
    ),
)

CORVID_PHONE = Topic(
    slug="corvid-phone",
    section="technology",
    style="tech",
    start="2025-08-26",
    tags=("Corvid", "Corvid Fold 3", "foldables", "smartphones"),
    ents={
        "product": "Corvid Fold 3",
        "company": "Corvid",
        "exec": "chief executive Rafael Nunes",
        "rival": "Nimbus",
        "category": "phone",
        "price": "1,799 euros",
    },
    facts=items("""
        The Corvid Fold 3 opens into an 8-inch tablet-sized screen and folds shut into a
        conventional phone.

        Corvid claims the new hinge has been tested for more than half a million folds.

        The crease in the inner display is much less visible than on earlier foldables.

        At almost 1,800 euros, the Fold 3 is one of the most expensive phones on the market.

        Corvid's multitasking software lets three apps run side by side on the inner screen.

        Its cameras lag behind the best conventional flagships, particularly at night.

        Some owners reported a thin line of dead pixels appearing along the fold after a few
        weeks.

        Corvid extended the warranty on the inner display to three years in response.

        Foldables still make up only a small fraction of global smartphone sales.

        The Fold 3 is lighter than its predecessor by nearly forty grams.

        Corvid is also developing a cheaper flip-style handset for younger buyers.

        Analysts say the bet on folding screens is a way for Corvid to stand out in a crowded
        premium market.

        At twice the price of the Nimbus X7, the Fold 3 is aimed at a very different buyer.

        Corvid's great rival Nimbus has said it has no plans to make a folding phone.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Corvid Fold 3 unveiled with a sturdier hinge and fainter crease",
            """Corvid's third folding phone is lighter and tougher, the company says, and the
            line down the middle of the big screen has almost disappeared.""",
        ),
        Piece(
            "review",
            15,
            "Corvid Fold 3 review: a tablet in your pocket, at a price",
            """Unfolded, it is a superb little tablet. Folded, it is a thick but usable phone. The
            question is whether anyone should pay this much for both.""",
        ),
        Piece(
            "report",
            70,
            "Corvid Fold 3 owners report dead pixels along the fold",
            """A growing number of buyers say a thin line of dead pixels has appeared down the
            middle of the inner display within weeks of purchase.""",
        ),
        Piece(
            "report",
            80,
            "Corvid extends Fold 3 screen warranty to three years",
            """Facing complaints about failing inner displays, Corvid will repair the screens for
            free for three years, the company said.""",
        ),
        Piece(
            "report",
            120,
            "Are foldable phones finally ready for everyone?",
            """Prices are falling, hinges are tougher and the crease is fading, but sales are
            still small. We look at what is holding folding phones back.""",
        ),
    ),
)

HALCYON_CONSOLE = Topic(
    slug="halcyon-console",
    section="technology",
    style="tech",
    start="2026-04-02",
    tags=("Halcyon Go", "gaming", "handheld", "consoles"),
    ents={
        "product": "Halcyon Go",
        "company": "Halcyon",
        "exec": "president Keiko Mori",
        "rival": "Vantage",
        "category": "console",
        "price": "449 euros",
    },
    facts=items("""
        The Halcyon Go is a handheld games console that can also connect to a television.

        Its screen is a 7-inch OLED panel with a 120Hz refresh rate.

        Battery life ranges from three to eight hours depending on the game.

        Halcyon has secured several major studios for launch titles, including a new open-world
        racing game.

        The console supports cloud streaming of games from Halcyon's subscription service.

        Early stock sold out within minutes in most markets.

        Some players reported drift in the thumbsticks after a few weeks of use.

        Halcyon offered free thumbstick repairs and pledged to use more durable parts.

        The Go can play most games from the company's previous console.

        Analysts see the handheld as Halcyon's answer to the growing popularity of handheld
        gaming PCs.

        The dock includes an ethernet port and two USB ports.

        Independent developers have praised Halcyon's simpler approval process for small games.

        Halcyon's chip supplier also makes processors for several phone makers, including
        Corvid.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Halcyon Go revealed: a handheld console with an OLED screen",
            """Halcyon's next console fits in your hands and plugs into your television, and it
            arrives in June with a racing game the company hopes will sell it.""",
        ),
        Piece(
            "report",
            58,
            "Halcyon Go sells out within minutes at launch",
            """Online shops ran out of the new handheld almost as soon as orders opened, and
            resale listings appeared at twice the price.""",
        ),
        Piece(
            "review",
            60,
            "Halcyon Go review: the handheld that finally feels complete",
            """A gorgeous screen, a comfortable grip and a strong launch line-up make Halcyon's
            portable the easiest gaming recommendation of the year.""",
        ),
        Piece(
            "report",
            110,
            "Halcyon Go thumbstick drift: company offers free repairs",
            """After weeks of complaints from players whose characters wander on their own,
            Halcyon says it will fix affected controllers at no cost.""",
        ),
        Piece(
            "report",
            150,
            "Halcyon Go's first six months: the games that defined it",
            """From the racing game that launched it to the tiny indie hits that kept it alive
            over the summer, here is how the handheld's library has grown.""",
        ),
        Piece(
            "report",
            200,
            "Halcyon Go Pro rumours: what we know so far",
            """Supply-chain leaks point to a more powerful version of the handheld next year.
            Here is what has been reported, and what is still guesswork.""",
            status="draft",
        ),
    ),
)

ASSISTANT_PRIVACY = Topic(
    slug="assistant-privacy",
    section="technology",
    style="tech",
    start="2025-05-12",
    tags=("Lumen", "privacy", "voice assistants", "smart speakers"),
    ents={
        "product": "Lumen Echo speaker",
        "company": "Lumen",
        "exec": "chief privacy officer Dana Whitfield",
        "rival": "Orbis",
        "category": "smart speaker",
        "price": "129 euros",
    },
    facts=items("""
        The Lumen Assistant, built into the company's smart speakers, was found to have kept
        voice recordings that users believed had been deleted.

        A security researcher discovered the recordings in a cloud backup tied to user
        accounts.

        Lumen said a software error had stopped deletion requests from reaching the backup
        servers.

        Data protection regulators in three countries opened investigations.

        The company apologised and said all affected recordings had now been erased.

        Contractors had been allowed to listen to a small sample of recordings to improve
        speech recognition.

        Privacy campaigners called for voice assistants to process commands entirely on the
        device.

        Lumen introduced a dashboard letting users see and delete everything the assistant had
        stored.

        Sales of Lumen's speakers fell in the quarter after the revelations.

        A regulator fined Lumen for failing to honour deletion requests.

        The company has since moved most speech processing onto the speakers themselves.

        A class action lawsuit on behalf of users is ongoing.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Lumen Assistant kept voice recordings users thought were deleted, researcher finds",
            """Recordings of questions, arguments and bedtime stories were still sitting in a
            cloud backup months after owners asked Lumen to erase them.""",
        ),
        Piece(
            "report",
            3,
            "Regulators open investigations into Lumen voice recordings",
            """Data protection authorities in three countries want to know why deleted
            recordings from Lumen's assistant were still on the company's servers.""",
        ),
        Piece(
            "report",
            20,
            "Lumen apologises and launches privacy dashboard for its assistant",
            """The company says a bug was to blame, has erased the backups and now lets owners
            see every recording their speaker has stored.""",
        ),
        Piece(
            "report",
            40,
            "What your smart speaker really hears, and where it goes",
            """Wake words, cloud processing, human reviewers and backups: a plain guide to what
            happens after you talk to the speaker in your kitchen.""",
        ),
        Piece(
            "report",
            330,
            "Lumen fined over failure to delete assistant recordings",
            """A regulator has imposed a multimillion-euro penalty on Lumen, saying the company
            ignored deletion requests for almost two years.""",
        ),
    ),
)


# ------------------------------------------------------------------------- science

EUROPA_LANDER = Topic(
    slug="europa-lander",
    section="science",
    style="science",
    start="2025-03-18",
    tags=("Europa", "space", "Jupiter", "astrobiology"),
    ents={
        "scientist": "mission scientist Dr Amara Osei",
        "institution": "the Joint Planetary Laboratory",
        "journal": "the Journal of Planetary Exploration",
        "field": "planetary science",
    },
    facts=items("""
        The Europa Deep Lander is designed to touch down on the icy surface of Jupiter's moon
        Europa and sample material from just below it.

        Beneath Europa's ice shell lies a global ocean that may hold more water than all of
        Earth's oceans combined.

        The lander carries a small drill capable of reaching about ten centimetres into the ice.

        Radiation around Jupiter is intense enough to destroy unprotected electronics within
        days.

        The lander's instruments are housed in a shielded vault with walls of titanium and
        aluminium.

        Mission planners have chosen a landing site near chaotic terrain where ocean water may
        have reached the surface.

        The spacecraft will take more than six years to reach Jupiter.

        Dr Amara Osei has spent fifteen years working on the mission's life-detection
        instruments.

        The instruments are designed to look for complex organic molecules and chemical signs of
        biology.

        Strict planetary protection rules require the lander to be sterilised before launch.

        The lander will work for only about three weeks on the surface before its batteries run
        out.

        A relay orbiter will send the lander's data back to Earth.

        The mission survived a budget review after a public campaign by scientists.

        Engineers tested the landing legs on blocks of ice in a chamber cooled to minus 170
        degrees.

        A test of the drill in Antarctica recovered samples from beneath a frozen lake.

        The launch was delayed by four months after a problem with the lander's thermal system.

        Signals from the spacecraft take around forty-five minutes to reach Earth from Jupiter.

        Plumes of water vapour reported by earlier missions remain unconfirmed.

        The mission is a collaboration between more than a dozen countries.

        The lander's camera will take the first close-up images of Europa's surface.

        Scientists stress that even a negative result would teach us a great deal about
        habitability.

        The spacecraft will use gravity assists from Venus and Earth to gain speed.

        A team of students designed a small plaque carried aboard the lander.

        The cost of the mission has risen to several billion euros.

        Osei has said that finding life beyond Earth would change how we see ourselves.

        Arrival at Jupiter is scheduled for the early 2030s.

        Salt deposits on Europa's surface, stained reddish brown, are among the clues that its
        ocean reaches upward.

        The lander must pick its final landing spot on its own, because commands from Earth
        would arrive far too late.

        The lander weighs around three tonnes at launch, most of it fuel for the descent.

        Its descent will be guided by cameras that compare the terrain below with maps made from
        orbit.

        The drill's cutting head is made of a tungsten alloy designed to stay sharp in ice as hard
        as rock.

        Samples will be melted in a small oven and passed through a mass spectrometer.

        A microscope on board could spot cells if any are frozen in the ice.

        Europa's surface temperature rarely rises above minus 160 degrees.

        The mission's science team includes biologists, chemists, geologists and engineers from more
        than twenty institutions.

        Landing will be attempted during a window when the relay orbiter passes overhead.

        Cleanrooms for assembling the lander were fitted with filters that remove even bacterial
        spores.

        The team built a full-size replica of the lander to rehearse operations on the ground.

        Ice on Europa is thought to be between ten and thirty kilometres thick.

        If the lander finds organic molecules, scientists will still have to rule out contamination
        from Earth.
    """),
    facts_de=items("""
        Der Europa Deep Lander soll auf der eisigen Oberfläche des Jupitermondes Europa landen
        und Proben aus dem Eis entnehmen.

        Unter dem Eispanzer Europas liegt ein Ozean, der mehr Wasser enthalten könnte als alle
        Meere der Erde zusammen.

        Ein kleiner Bohrer soll etwa zehn Zentimeter tief in das Eis vordringen.

        Die Strahlung rund um Jupiter würde ungeschützte Elektronik binnen Tagen zerstören.

        Die Instrumente suchen nach komplexen organischen Molekülen und chemischen Spuren von
        Leben.

        Die Reise zum Jupiter dauert mehr als sechs Jahre.

        Auf der Oberfläche arbeitet der Lander nur etwa drei Wochen, dann sind die Batterien
        erschöpft.

        Funksignale brauchen rund 45 Minuten vom Jupiter bis zur Erde.

        Für Schwung sorgen Vorbeiflüge an Venus und Erde.

        Die Missionswissenschaftlerin Amara Osei arbeitet seit fünfzehn Jahren an den
        Instrumenten zur Suche nach Leben.
    """),
    headings=("An ocean under the ice", "Built for radiation", "The search", "What comes next"),
    pieces=(
        Piece(
            "report",
            0,
            "Europa lander passes final design review",
            """The mission to land on Jupiter's ice-covered moon has cleared its last major
            engineering review, allowing assembly of the flight hardware to begin.""",
        ),
        Piece(
            "report",
            60,
            "Antarctic drill test shows how Europa lander will sample the ice",
            """A copy of the lander's drill has brought up samples from beneath a frozen
            Antarctic lake, a rehearsal for the search for life on a distant moon.""",
        ),
        Piece(
            "report",
            120,
            "Europa Deep Lander launch delayed over thermal system fault",
            """Engineers found a problem with the system that keeps the lander's instruments
            warm, and the launch has slipped by four months.""",
        ),
        Piece(
            "report",
            240,
            "Europa lander launches on six-year journey to Jupiter's ocean moon",
            """After years of delays and budget fights, the spacecraft that will look for signs of
            life under Europa's ice is on its way.""",
        ),
        Piece(
            "feature",
            300,
            "The search for life under the ice: inside the Europa Deep Lander mission",
            """An ocean hidden beneath kilometres of ice, a radiation bath that kills electronics
            and a drill that reaches ten centimetres: the people behind the most ambitious
            search for life yet explain how it is supposed to work.""",
            long=True,
        ),
        Piece(
            "report",
            420,
            "Europa lander completes Venus flyby, on course for Jupiter",
            """The spacecraft swung past Venus to pick up speed, the first of the gravity assists
            that will carry it to the outer solar system.""",
        ),
        Piece(
            "report",
            241,
            "Europa-Lander startet zur Reise zum Jupitermond",
            """Nach Verzögerungen und Budgetstreit ist die Sonde unterwegs, die unter dem Eis des
            Mondes Europa nach Spuren von Leben suchen soll.""",
            lang="de",
        ),
        Piece(
            "feature",
            310,
            "Leben unter dem Eis? Die Europa-Mission im Porträt",
            """Ein verborgener Ozean, tödliche Strahlung und ein Bohrer für zehn Zentimeter: Wie
            die Mission funktionieren soll und wer dahintersteht.""",
            lang="de",
        ),
        Piece(
            "report",
            425,
            "Europa-Lander fliegt an der Venus vorbei",
            """Das erste Swing-by-Manöver ist geglückt. Die Sonde ist auf Kurs zum Jupiter.""",
            lang="de",
        ),
    ),
)

CORAL_REEF = Topic(
    slug="coral-reef",
    section="science",
    style="science",
    start="2025-04-01",
    tags=("coral reefs", "ocean warming", "Outer Shoals", "marine biology"),
    ents={
        "scientist": "marine biologist Dr Leilani Kahale",
        "institution": "the Tropical Marine Institute",
        "journal": "Marine Ecology Reports",
        "field": "marine ecology",
    },
    facts=items("""
        Surveys found that more than half of the corals on the Outer Shoals reef system showed
        signs of bleaching.

        Bleaching happens when stressed corals expel the algae that live in their tissues and
        give them their colour.

        Sea temperatures around the reef were more than two degrees above the summer average for
        eight weeks.

        Bleached corals are not dead, but they starve if temperatures do not fall quickly.

        The Tropical Marine Institute has monitored the reef for more than thirty years.

        Dr Leilani Kahale's team is breeding heat-tolerant corals in nurseries on the seabed.

        Fragments from the nurseries are attached to damaged sections of reef using marine
        cement.

        Early results suggest some transplanted corals survived a second heatwave better than
        wild ones.

        Critics warn that restoration cannot keep pace with warming without deep cuts to
        emissions.

        Reef fish populations fell sharply in areas where corals died.

        Local fishing communities depend on the reef for food and income.

        Tourism operators have joined volunteer programmes to plant coral fragments.

        Aerial surveys using drones helped map the extent of the damage.

        The 2025 bleaching was the fourth mass bleaching event on the reef in a decade.

        Some reefs in deeper, cooler water escaped the worst effects.

        Scientists are experimenting with shading reefs using a thin film of floating
        particles.

        Genetic studies are identifying which coral families cope best with heat.

        Reefs protect coastlines by breaking up waves during storms.

        Divers described once-vivid reef slopes turned a ghostly white.

        Recovery of a reef can take a decade or more, even if the heatwaves stop.

        The institute's findings were presented to an international conference on ocean
        warming.

        Coral larvae released over damaged areas settled at higher rates than expected.

        Pollution and run-off from farmland add to the stress caused by heat.

        Kahale grew up on the coast near the reef and learned to dive as a child.

        Citizen scientists have logged thousands of observations through a mobile app.

        Funding for restoration has increased, but remains small compared with the scale of the
        damage.

        Staghorn corals, fast-growing but fragile, were among the first to turn white.

        Night dives revealed that some bleached colonies were still feeding on plankton, a
        sign that they might recover.

        The Outer Shoals stretch for more than four hundred kilometres along the continental shelf.

        Kahale's nurseries hang coral fragments from floating ropes, like washing on a line.

        Divers spend hours each week cleaning algae from the nursery frames by hand.

        Temperature loggers on the reef record readings every ten minutes throughout the year.

        Parrotfish, which graze algae off the reef, are essential to its recovery.

        Heat-tolerant corals grow slightly more slowly, which worries some scientists.

        Coral spawning, in which colonies release eggs and sperm on the same night, happens once a
        year after a full moon.

        Researchers collect the spawn with fine nets and raise the larvae in floating pools.

        The institute's research boat was converted from an old fishing trawler.

        Satellite data helps predict where heat stress will be greatest weeks in advance.

        The reef supports more than a thousand species of fish.

        Kahale has said that losing the reef would be like losing a library before anyone had read
        the books.

        Kahale's team logs every transplanted fragment with a numbered tag so it can be found again
        years later.

        A cyclone two years earlier had already broken up large stands of branching coral on the
        northern reefs.

        Some tour operators now take visitors to the nurseries instead of the most damaged reef
        slopes.

        The institute trains local fishers as paid reef monitors, a programme that has spread to
        three other islands.

        Sea grass meadows next to the reef act as nurseries for many of the fish that later live
        among the corals.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Mass bleaching hits the Outer Shoals reef as seas overheat",
            """Divers are reporting vast white patches across the reef after weeks of
            record-breaking water temperatures, and scientists fear the worst is still to
            come.""",
        ),
        Piece(
            "report",
            30,
            "Half of Outer Shoals corals bleached, surveys confirm",
            """Aerial and underwater surveys show bleaching across more than half of the reef,
            the fourth mass event in a decade, the Tropical Marine Institute said.""",
        ),
        Piece(
            "report",
            150,
            "Heat-tolerant coral nurseries offer glimmer of hope for damaged reef",
            """On underwater frames off the Outer Shoals, scientists are growing corals bred to
            survive hotter seas, and planting them out on the damaged reef.""",
        ),
        Piece(
            "feature",
            160,
            "Volunteer coral planting week: sign-ups close Friday",
            """Certified divers can join the institute's restoration team for a week of planting
            nursery corals on the Outer Shoals. Places are limited.""",
            expires="2025-09-30",
        ),
        Piece(
            "feature",
            240,
            "Gardeners of the reef: the race to grow corals that can survive the heat",
            """In nurseries on the seabed, a small team is breeding corals for a warmer ocean.
            A long look at the science, the doubts and the divers trying to buy a reef some
            time.""",
            long=True,
        ),
        Piece(
            "report",
            420,
            "Transplanted corals survive second heatwave, study finds",
            """Corals bred for heat tolerance and planted on the Outer Shoals fared better than
            their wild neighbours when the water warmed again, researchers report.""",
        ),
    ),
)

ALZHEIMERS_TRIAL = Topic(
    slug="alzheimers-trial",
    section="science",
    style="science",
    start="2025-09-22",
    tags=("Alzheimer's", "dementia", "clinical trial", "KB-214"),
    ents={
        "scientist": "neurologist Professor Ian Morrow",
        "institution": "Kingsbridge University",
        "journal": "the Journal of Clinical Neurology",
        "field": "dementia research",
    },
    facts=items("""
        The drug, known as KB-214, targets inflammation in the brain rather than the amyloid
        plaques aimed at by earlier treatments.

        In a trial of 1,200 patients with early Alzheimer's disease, it slowed cognitive decline
        by about a quarter over eighteen months.

        Side effects included headaches and, in a small number of patients, swelling in the
        brain.

        Patients received the drug as a monthly infusion in hospital.

        The trial was funded partly by a dementia charity and partly by a biotech company.

        Independent experts said the effect was modest but meaningful for patients and
        families.

        Regulators will now review the data before deciding whether to approve the drug.

        The cost of the treatment, if approved, is expected to be high.

        Participants were tracked with memory tests and brain scans every three months.

        Earlier drugs that cleared plaques have shown only small benefits.

        Families of participants described small but precious gains in daily life.

        A larger trial including people with more advanced disease is planned.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Experimental Alzheimer's drug slows decline in large trial",
            """A monthly infusion that calms inflammation in the brain slowed memory loss by about
            a quarter, researchers said, in one of the most closely watched dementia trials of
            recent years.""",
        ),
        Piece(
            "feature",
            1,
            "What the KB-214 results mean for people living with dementia",
            """Doctors, charities and families weigh up a result that is real but modest, and a
            treatment that may be years away from most patients.""",
        ),
        Piece(
            "report",
            40,
            "Doctors urge caution over brain swelling risk in new dementia drug",
            """A closer look at the trial data shows a small number of serious side effects, and
            neurologists want careful monitoring if the drug is approved.""",
        ),
        Piece(
            "report",
            200,
            "Regulator begins review of Alzheimer's drug KB-214",
            """The medicines regulator has accepted the application for the anti-inflammatory
            dementia drug and will decide on approval within a year.""",
        ),
        Piece(
            "report",
            380,
            "KB-214 approved for early Alzheimer's, but cost questions loom",
            """The first anti-inflammatory treatment for Alzheimer's disease has been approved,
            but health services have not yet agreed to pay for it.""",
        ),
    ),
)

BRONZE_AGE_BURIAL = Topic(
    slug="bronze-age-burial",
    section="science",
    style="science",
    start="2026-05-04",
    tags=("archaeology", "Bronze Age", "Hollow Tor", "ancient DNA"),
    ents={
        "scientist": "archaeologist Dr Fiona Carr",
        "institution": "the Westmoor Archaeology Unit",
        "journal": "Antiquity Review",
        "field": "archaeology",
    },
    facts=items("""
        Archaeologists uncovered a Bronze Age burial chamber on Hollow Tor during excavations
        ahead of a pipeline project.

        The chamber contained the remains of a woman buried with a bronze dagger, amber beads and
        a gold hair ornament.

        Radiocarbon dating places the burial around 1900 BC.

        The amber has been traced to the Baltic coast, suggesting long-distance trade.

        Ancient DNA analysis indicates the woman was related to people buried at sites hundreds
        of kilometres away.

        Isotopes in her teeth show she grew up in a different region from where she was buried.

        The grave goods suggest she held high status in her community.

        The site has been protected and the pipeline route diverted.

        Volunteers from local history societies helped sieve the soil for tiny finds.

        The finds will go on display at the county museum.

        Pollen from the grave suggests flowers were placed with the body.

        The excavation also revealed traces of a later Iron Age settlement nearby.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Bronze Age burial with gold ornament found on Hollow Tor",
            """Excavations ahead of a gas pipeline have uncovered a stone-lined grave containing
            a woman buried nearly four thousand years ago with a dagger, amber and gold.""",
        ),
        Piece(
            "report",
            60,
            "Hollow Tor woman's amber came from the Baltic, tests show",
            """Chemical analysis of the beads found in the hilltop grave shows they travelled more
            than a thousand kilometres before they were buried.""",
        ),
        Piece(
            "report",
            120,
            "Ancient DNA reveals family ties of the Hollow Tor woman",
            """Genetic tests link the woman in the hilltop grave to people buried at sites far
            across the country, and her teeth show she grew up somewhere else.""",
        ),
        Piece(
            "report",
            160,
            "Pipeline rerouted to protect Bronze Age site on Hollow Tor",
            """The energy company will divert the pipeline around the hill after archaeologists
            found more features around the burial chamber.""",
        ),
        Piece(
            "feature",
            190,
            "Hollow Tor treasures go on display at county museum",
            """The gold ornament, the dagger and the amber necklace from the hilltop burial are on
            show from this weekend, alongside a reconstruction of the woman's face.""",
        ),
    ),
)


# ------------------------------------------------------------------------ business

GROCERY_MERGER = Topic(
    slug="grocery-merger",
    section="business",
    style="business",
    start="2025-06-16",
    tags=("Brightway", "Fairmart", "supermarkets", "mergers"),
    ents={
        "company": "Brightway",
        "exec": "chief executive Sarah Quint",
        "rival": "Fairmart",
        "sector": "supermarket",
        "place": "the Midlands",
    },
    facts=items("""
        Brightway agreed to buy rival supermarket chain Fairmart in a deal worth 3.2 billion
        euros including debt.

        The combined group would become the country's second-largest grocer, with more than 1,400
        stores.

        Brightway said the deal would save 400 million euros a year through shared buying and
        distribution.

        The competition regulator opened an in-depth investigation, citing concerns about prices
        in small towns.

        Farmers' groups warned that a bigger buyer would squeeze suppliers even harder.

        Unions sought guarantees on jobs at Fairmart's head office and distribution centres.

        Brightway offered to sell around 120 stores to address the regulator's concerns.

        Fairmart's shareholders voted overwhelmingly in favour of the takeover.

        The regulator approved the deal with conditions after a nine-month review.

        Fairmart stores will be rebranded over three years.

        Customers have been promised that their loyalty points will carry over.

        Some analysts questioned whether the deal would deliver the promised savings.

        Unions at Brightway have watched the organising drive at the coffee chain Beanhouse with
        interest.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Brightway agrees 3.2bn deal to buy Fairmart",
            """The supermarket chain will swallow its smaller rival in a deal that would create
            the country's second-biggest grocer, subject to approval from the competition
            regulator.""",
        ),
        Piece(
            "report",
            30,
            "Regulator opens in-depth probe into Brightway-Fairmart merger",
            """The competition watchdog says the tie-up could push up prices in towns where the
            two chains are the only big supermarkets.""",
        ),
        Piece(
            "report",
            120,
            "Brightway offers to sell 120 stores to win merger approval",
            """In an attempt to satisfy the regulator, Brightway has proposed selling stores in
            towns where the combined group would dominate the weekly shop.""",
        ),
        Piece(
            "report",
            280,
            "Brightway's Fairmart takeover cleared with conditions",
            """The regulator has approved the supermarket merger after nine months, provided
            Brightway sells stores and keeps prices in check in rural areas.""",
        ),
        Piece(
            "analysis",
            300,
            "What the Brightway-Fairmart merger means for your weekly shop",
            """Loyalty points, store names, prices and the own-brand range: a guide to what
            changes, and what does not, now the two supermarkets are one.""",
        ),
    ),
)

SKYCOAST_AIRLINE = Topic(
    slug="skycoast-airline",
    section="business",
    style="business",
    start="2026-01-15",
    tags=("SkyCoast", "airlines", "aviation", "restructuring"),
    ents={
        "company": "SkyCoast",
        "exec": "chief executive Martin Kaye",
        "rival": "JetNorth",
        "sector": "aviation",
        "place": "the towns around Fernley airport",
    },
    facts=items("""
        SkyCoast, a regional airline with a fleet of around sixty aircraft, warned that it could
        run out of cash within months.

        The airline blamed rising fuel costs, delayed aircraft deliveries and a price war with
        JetNorth.

        Shares in SkyCoast fell by more than forty percent on the day of the warning.

        The company began talks with lenders about restructuring its debts.

        SkyCoast cancelled hundreds of summer flights to conserve cash.

        Passengers with bookings were told their tickets remained valid.

        A consortium of investors offered fresh capital in exchange for a majority stake.

        Pilots agreed to a temporary pay cut to help save the airline.

        The government ruled out a bailout but said it would bring passengers home if the
        airline collapsed.

        SkyCoast operates most of its flights from its hub at Fernley airport.

        Its route network links smaller regional airports with holiday destinations.

        Analysts say regional airlines have been hit hardest by the rise in costs.

        JetNorth has added routes from Fernley, putting more pressure on SkyCoast's fares.

        Engine inspections grounded several of SkyCoast's newest aircraft.

        The restructuring plan includes selling part of the fleet and leasing it back.

        Kaye said the airline had a viable future if it could get through the winter.

        Travel agents reported customers cancelling bookings amid the uncertainty.

        SkyCoast's frequent-flyer scheme has been suspended temporarily.

        Local businesses around Fernley airport depend heavily on the airline.

        Creditors approved the restructuring plan at a meeting in the autumn.

        The new investors have pledged to keep SkyCoast's brand and headquarters.

        Fares on several regional routes have risen as capacity shrinks.

        Consumer groups advised passengers to pay by credit card for extra protection.

        Aviation unions have called for rules on below-cost fares on regional routes.

        The airline plans to retire its oldest turboprops by the end of next year.

        SkyCoast has flown for twenty-two years and carried millions of passengers.

        Cabin crew at Fernley said they learned about the cash warning from the news rather
        than from management.

        The island routes, which no other airline flies, are the ones SkyCoast's rescuers most
        want to keep.

        SkyCoast's fleet is made up mostly of turboprops, which are cheaper to run on short routes
        than jets.

        The airline's most profitable routes are summer flights from regional airports to the
        Mediterranean.

        Winter is the hardest season for airlines like SkyCoast, when fewer people fly and costs
        stay high.

        The company's jet fuel is bought months in advance, but its hedging contracts expired at the
        worst moment.

        Delays in delivering new aircraft forced SkyCoast to keep older, thirstier planes flying
        longer.

        JetNorth has undercut SkyCoast on several routes with introductory fares below cost.

        The airline employs around two thousand people, most of them at Fernley.

        Airport operators at several regional airports have offered to defer landing fees.

        The consortium of investors includes a private equity fund and a regional development bank.

        Aviation analysts say the rescue buys time, but does not solve the airline's cost problem.

        SkyCoast has been profitable in only three of the past ten years.

        The airline's island routes are subsidised by public contracts that require a minimum number
        of flights.

        The airline's maintenance base at Fernley is one of the largest employers in the county,
        with its own apprenticeship scheme.

        Regional tourism boards have warned that losing SkyCoast would cut some islands off from
        direct flights altogether.

        Kaye joined SkyCoast from a larger carrier three years ago with a mandate to cut costs and
        modernise the fleet.

        Ticket sales recovered slightly in the weeks after the rescue was announced, according to
        the airline.

        The pilots' union said its members had accepted the pay cut on condition that it would be
        reversed once the airline returned to profit.
    """),
    facts_de=items("""
        SkyCoast, eine Regionalfluggesellschaft mit rund sechzig Flugzeugen, warnt vor einem
        baldigen Geldmangel.

        Die Airline macht gestiegene Treibstoffkosten, verspätete Flugzeugauslieferungen und
        einen Preiskampf mit JetNorth verantwortlich.

        Die Aktie brach am Tag der Warnung um mehr als vierzig Prozent ein.

        Mit den Kreditgebern laufen Gespräche über eine Umschuldung.

        Die meisten Flüge starten am Drehkreuz Fernley.

        Bereits gebuchte Tickets behalten nach Angaben des Unternehmens ihre Gültigkeit.

        Die Regierung schließt eine Rettung mit Steuergeld aus.

        Ein Investorenkonsortium bietet frisches Kapital gegen eine Mehrheitsbeteiligung.

        Die Piloten haben einer vorübergehenden Gehaltskürzung zugestimmt.

        Die Gläubiger stimmten dem Sanierungsplan im Herbst zu.
    """),
    headings=("The warning", "How it got here", "The rescue", "What passengers should know"),
    pieces=(
        Piece(
            "report",
            0,
            "SkyCoast warns it could run out of cash as fuel costs bite",
            """The regional airline says it needs new money within months, blaming fuel prices,
            late aircraft deliveries and a fare war with JetNorth.""",
        ),
        Piece(
            "report",
            10,
            "SkyCoast cancels summer flights to conserve cash",
            """Hundreds of flights from Fernley and other regional airports have been cut from
            the summer schedule, and affected passengers are being offered refunds.""",
        ),
        Piece(
            "report",
            60,
            "SkyCoast pilots accept pay cut in bid to save airline",
            """Pilots have voted for a temporary cut in pay, a concession the airline's lenders
            had demanded before agreeing to extend its credit.""",
        ),
        Piece(
            "report",
            118,
            "SkyCoast to cease trading within days, sources say",
            """The airline is preparing to stop flying after rescue talks stalled, according to
            two people briefed on the discussions.""",
            status="unpublished",
        ),
        Piece(
            "report",
            120,
            "Investors offer lifeline to struggling SkyCoast",
            """A consortium has offered fresh capital in exchange for control of the regional
            airline, which says it can now keep flying through the winter.""",
        ),
        Piece(
            "analysis",
            150,
            "Can SkyCoast survive? Inside a regional airline's fight for life",
            """Fuel bills, a fare war, grounded engines and a lifeline from new investors: how a
            small airline that connects the regions to the sun ended up fighting for its
            survival, and what happens next.""",
            long=True,
        ),
        Piece(
            "report",
            260,
            "SkyCoast creditors approve rescue plan",
            """Lenders and bondholders have backed the restructuring of the regional airline,
            clearing the way for new investors to take control.""",
        ),
        Piece(
            "report",
            1,
            "Regionalfluglinie SkyCoast warnt vor Geldmangel",
            """Die Airline braucht binnen Monaten frisches Kapital. Sie verweist auf
            Treibstoffpreise, späte Flugzeugauslieferungen und einen Preiskampf.""",
            lang="de",
        ),
        Piece(
            "report",
            262,
            "SkyCoast-Gläubiger stimmen Rettungsplan zu",
            """Die Kreditgeber machen den Weg für neue Investoren frei. Die Marke und der Sitz des
            Unternehmens sollen erhalten bleiben.""",
            lang="de",
        ),
    ),
)

BEANHOUSE_UNION = Topic(
    slug="beanhouse-union",
    section="business",
    style="business",
    start="2024-12-02",
    tags=("Beanhouse", "coffee shops", "trade unions", "workers"),
    ents={
        "company": "Beanhouse",
        "exec": "chief executive Tom Rivera",
        "rival": "Grind & Co",
        "sector": "coffee shop",
        "place": "its northern branches",
    },
    facts=items("""
        Baristas at a Beanhouse branch voted to form the chain's first trade union.

        Staff cited unpredictable shift patterns and the loss of tips as their main grievances.

        Beanhouse operates more than six hundred coffee shops across the country.

        The company initially declined to recognise the union, prompting protests outside
        several stores.

        Union membership spread to more than forty Beanhouse branches within months.

        Beanhouse agreed to voluntary recognition after talks at the conciliation service.

        The first collective agreement guaranteed minimum hours and a share of card tips for
        staff.

        Beanhouse said higher labour costs would lead to a modest increase in drink prices.

        Analysts said the deal could encourage organising at rival chains.

        Staff at Grind & Co have since begun their own union campaign.

        The company's profits fell slightly as it absorbed higher wages.

        Customers were largely sympathetic to the baristas, according to a survey.

        Organisers have pointed to the Eastbridge metro strike as proof that determined workers
        can win concessions.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Beanhouse baristas vote to form chain's first union",
            """Staff at a single branch of the coffee chain have voted to organise, citing
            unpredictable shifts and tips that never reach their pockets.""",
        ),
        Piece(
            "report",
            45,
            "Protests at Beanhouse branches as company refuses to recognise union",
            """Baristas and supporters handed out leaflets outside coffee shops in five cities
            after management declined to negotiate.""",
        ),
        Piece(
            "report",
            120,
            "Beanhouse union spreads to forty branches",
            """What began in one shop has become a movement across the chain, with organisers
            saying new members are joining every week.""",
        ),
        Piece(
            "report",
            200,
            "Beanhouse agrees to recognise baristas' union after talks",
            """The coffee chain has reversed course and will bargain with its staff, ending
            months of protests outside its branches.""",
        ),
        Piece(
            "report",
            320,
            "Beanhouse union wins guaranteed hours and share of tips",
            """The first collective agreement at the coffee chain sets minimum weekly hours and
            passes card tips to the staff who earned them.""",
        ),
        Piece(
            "analysis",
            360,
            "Coffee shop workers are organising. Beanhouse was just the start",
            """Staff at rival chains are watching the Beanhouse deal closely, and some have
            already started their own campaigns.""",
        ),
    ),
)


# -------------------------------------------------------------------------- travel

AZORES = Topic(
    slug="azores",
    section="travel",
    style="travel",
    start="2025-03-10",
    tags=("Azores", "Portugal", "hiking", "islands"),
    ents={
        "place": "the Azores",
        "country": "Portugal",
        "highlight": "the crater lakes of Sete Cidades",
        "season": "late spring",
        "dish": "cozido slow-cooked in volcanic ground",
        "transport": "a direct flight to Ponta Delgada",
    },
    facts=items("""
        The Azores are nine volcanic islands in the middle of the Atlantic, about 1,500
        kilometres from Lisbon.

        São Miguel, the largest island, has the best connections and the widest choice of places
        to stay.

        In Furnas, cooks bury pots of meat and vegetables in the hot ground to make cozido.

        The twin lakes of Sete Cidades, one green and one blue, sit inside a vast volcanic
        crater.

        Whale-watching trips leave from Ponta Delgada, and sperm whales are seen all year round.

        Hiking trails are well marked and range from gentle coastal walks to steep volcanic
        climbs.

        Pico, the highest mountain in Portugal, can be climbed in a long day with a registered
        guide.

        The weather is famously changeable, with four seasons possible in a single afternoon.

        The hot springs at Terra Nostra and Poça da Dona Beija are warm enough to bathe in even
        in winter.

        Tea has been grown on São Miguel since the nineteenth century, and the plantations can
        be visited.

        Flores, the westernmost island, is covered in waterfalls and is one of the least
        visited.

        Visitor numbers have grown quickly since budget airlines began flying to the islands.
    """),
    pieces=(
        Piece(
            "guide",
            0,
            "A first-timer's guide to the Azores",
            """Nine volcanic islands, one unpredictable sky and more shades of green than seem
            possible: where to go, when to go and how to get around the mid-Atlantic
            archipelago.""",
        ),
        Piece(
            "feature",
            75,
            "Walking the crater rim at Sete Cidades",
            """A day on foot around the rim of a collapsed volcano, with a blue lake on one side,
            a green one on the other and the Atlantic everywhere else.""",
        ),
        Piece(
            "guide",
            200,
            "Whale watching in the Azores: what to know before you go",
            """Sperm whales live off these islands all year. Here is how to choose a responsible
            operator, when to go and what you are likely to see.""",
        ),
        Piece(
            "feature",
            360,
            "Island-hop the Azores this spring with our partner's packages",
            """Flights, boutique stays and a guided crater hike on three islands, bundled into one
            easy booking. Brought to you by our travel partner.""",
            sponsored=True,
        ),
        Piece(
            "feature",
            390,
            "Flores: the Azores island at the edge of Europe",
            """On the westernmost island of the archipelago, waterfalls outnumber cafés and the
            next stop is North America.""",
        ),
        Piece(
            "guide",
            540,
            "Where to soak: the best hot springs in the Azores",
            """From iron-red pools in a botanical garden to a warm river in the woods, the
            islands' volcanic heat is best enjoyed up to your neck.""",
        ),
    ),
)

KYOTO_AUTUMN = Topic(
    slug="kyoto-autumn",
    section="travel",
    style="travel",
    start="2025-10-01",
    tags=("Kyoto", "Japan", "autumn", "temples"),
    ents={
        "place": "Kyoto",
        "country": "Japan",
        "highlight": "the maple gardens of Tofuku-ji",
        "season": "mid to late November",
        "dish": "yudofu, tofu simmered in kelp broth",
        "transport": "the bullet train from Tokyo",
    },
    facts=items("""
        Kyoto's maples usually reach their peak colour in the second half of November.

        Tofuku-ji's wooden bridge over a valley of maples is one of the most photographed views
        in the city.

        Arriving at popular temples at opening time is the only reliable way to avoid the
        largest crowds.

        The Philosopher's Path, a canal-side walk in the east of the city, is quieter in autumn
        than in cherry blossom season.

        Several temples open in the evening to illuminate their gardens during the autumn
        season.

        The bamboo grove at Arashiyama is busiest at midday and best visited early.

        The city has introduced measures to manage overtourism, including restrictions in
        parts of Gion.

        Buses are often crowded, so many visitors rent bicycles to get around.

        Simmered tofu is a local speciality, especially in the restaurants around Nanzen-ji.

        Day trips to Nara or the mountain village of Ohara offer a quieter side of the autumn
        colours.

        Hotels fill up months in advance for the peak foliage weeks.

        Traditional inns, known as ryokan, serve kaiseki dinners built around seasonal
        ingredients.

        Paper lanterns line the lanes of Gion in the evenings, and many visitors buy one to take
        home.
    """),
    pieces=(
        Piece(
            "guide",
            0,
            "Kyoto in autumn: when and where to see the maples",
            """The red leaves arrive late and leave fast. How to time your trip, which gardens to
            visit first and how to stay ahead of the crowds.""",
        ),
        Piece(
            "guide",
            10,
            "Kyoto autumn illumination tours: limited places",
            """Evening visits to three temple gardens lit up for the maple season, with a guide
            and a seasonal dinner. Book before the end of November.""",
            expires="2025-11-30",
        ),
        Piece(
            "feature",
            45,
            "An early morning at Tofuku-ji, before the crowds",
            """At seven o'clock the bridge over the maple valley is almost empty. By nine you can
            barely see the leaves for the phones.""",
        ),
        Piece(
            "guide",
            100,
            "Kyoto tightens rules in Gion as visitor numbers soar",
            """Private lanes in the old geisha district are now off limits to tourists, and fines
            are possible. Here is what visitors need to know.""",
        ),
        Piece(
            "guide",
            365,
            "Beyond the temples: quiet day trips from Kyoto in autumn",
            """Mountain villages, a lakeside shrine and the deer of Nara: where to see the autumn
            colours without the queues.""",
        ),
        Piece(
            "feature",
            400,
            "A night in a Kyoto ryokan, course by course",
            """Tatami floors, a cedar bath and a dinner of eleven small courses that told the
            story of the season better than any temple garden.""",
        ),
    ),
)

NIGHT_TRAINS = Topic(
    slug="night-trains",
    section="travel",
    style="travel",
    start="2025-01-15",
    tags=("night trains", "rail travel", "Europe", "sleeper trains"),
    ents={
        "place": "the Danube valley",
        "country": "Austria",
        "highlight": "the Vienna to Venice sleeper",
        "season": "spring or autumn",
        "dish": "the breakfast tray delivered to your compartment",
        "transport": "a daytime connection to Vienna",
    },
    facts=items("""
        A new generation of night trains has revived overnight rail travel across Europe after
        years of decline.

        The Vienna to Venice sleeper leaves in the evening and reaches the lagoon shortly after
        breakfast.

        Modern sleepers offer private pods, couchettes with six berths and compartments with
        their own shower.

        Fares vary widely, from the price of a budget flight for a couchette to several hundred
        euros for a private room.

        Booking can still be confusing, with different operators selling different parts of the
        same journey.

        Many travellers choose night trains to cut the carbon footprint of their holidays.

        The sleeper between Brussels and Berlin was relaunched after a gap of more than a
        decade.

        Austrian railways operate the largest network of night trains in Europe.

        The gentle rocking of the carriage helps some people sleep and keeps others awake all
        night.

        Delays are common on long international routes, especially where engineering works are
        planned overnight.

        A good night train saves the cost of a hotel as well as a day of travel.

        Dining cars have largely disappeared, so it is worth bringing a picnic.

        The Paris to Vienna route crosses four countries while passengers sleep.

        Arriving in a city centre at dawn, rather than at an airport on the outskirts, is one of
        the great pleasures of the journey.

        New carriages have replaced rolling stock that in some cases dated from the 1980s.

        Passengers in couchettes share their compartment with strangers, which can be part of
        the fun.

        Border checks are rare inside the Schengen area, so sleep is seldom interrupted.

        Some routes are seasonal, running only in summer or during the ski season.

        Operators have struggled to add capacity fast enough to meet demand.

        Rail advocates argue that track access charges make night trains harder to run
        profitably.

        The Stockholm to Berlin sleeper links Scandinavia with central Europe in a single night.

        A night train from Amsterdam to the Alps carries skiers straight to the mountains in
        winter.

        Children often love the adventure of sleeping on a train, making it a popular choice for
        families.

        Cancellations at short notice remain a frustration for travellers with onward
        connections.

        Governments in several countries have offered subsidies to support new routes.

        Travel writers have likened the revival to the golden age of the great international
        expresses.

        The conductor collects passports or tickets in the evening so that passengers are not
        woken at the border.

        Earplugs and a light sleeping bag liner make a couchette far more comfortable.

        A private compartment usually includes a washbasin, towels and a small bottle of water.

        Couchettes are cheaper but offer less privacy, with passengers sleeping in their clothes.

        Some operators offer women-only compartments on request.

        Bicycles can be carried on several routes, but must be booked in advance.

        The overnight journey from Vienna to Venice takes around eleven hours.

        Trains often wait for hours at junctions in the middle of the night so that they do not
        arrive too early.

        Booking opens as little as two months ahead on some routes, making early planning difficult.

        Rail passes can be used on many night trains, though a berth supplement is usually required.

        Breakfast is typically simple: a roll, jam, coffee and juice.

        Mobile signal comes and goes as the train crosses borders and mountains.

        Night trains are often busiest on Friday and Sunday evenings.

        Many travellers say they arrive more rested from a sleeper than from an early flight.
    """),
    facts_de=items("""
        Eine neue Generation von Nachtzügen hat das Reisen über Nacht in Europa wiederbelebt.

        Der Nachtzug von Wien nach Venedig fährt am Abend ab und erreicht die Lagune kurz nach
        dem Frühstück.

        Moderne Schlafwagen bieten private Kabinen, Liegewagen mit sechs Betten und Abteile mit
        eigener Dusche.

        Die Preise reichen vom Niveau eines Billigflugs bis zu mehreren hundert Euro für ein
        eigenes Abteil.

        Die Buchung ist oft kompliziert, weil verschiedene Betreiber Teile derselben Strecke
        verkaufen.

        Viele Reisende wählen den Nachtzug, um den CO2-Fußabdruck ihres Urlaubs zu senken.

        Die Verbindung zwischen Brüssel und Berlin wurde nach mehr als zehn Jahren Pause wieder
        aufgenommen.

        Die Österreichischen Bundesbahnen betreiben das größte Nachtzugnetz Europas.

        Verspätungen sind auf langen internationalen Strecken keine Seltenheit.

        Im Stadtzentrum im Morgengrauen anzukommen, ist einer der großen Reize der Reise.
    """),
    headings=("Why now", "On board", "Booking without tears", "Where to go"),
    pieces=(
        Piece(
            "feature",
            0,
            "The night train renaissance: Europe's sleepers are back",
            """After decades of cuts, overnight trains are returning to the timetables, and
            travellers who once flew are rediscovering the pleasure of waking up somewhere
            new.""",
        ),
        Piece(
            "guide",
            60,
            "How to book a European night train without losing your mind",
            """Different operators, different websites and fares that change by the hour: a
            practical guide to getting the berth you want.""",
        ),
        Piece(
            "feature",
            140,
            "Vienna to Venice by sleeper: a night on the rails",
            """Dinner in Vienna, a narrow bunk through the Alps and coffee on the Grand Canal:
            one of Europe's great overnight journeys, compartment by compartment.""",
        ),
        Piece(
            "feature",
            280,
            "Sleeping across Europe: a week on the continent's night trains",
            """Seven nights, six sleepers, five countries and one lost sock: a long journey by
            overnight train from the North Sea to the Adriatic, and what it reveals about the
            revival of rail travel.""",
            long=True,
        ),
        Piece(
            "guide",
            420,
            "Brussels to Berlin sleeper returns: what to expect on board",
            """The revived overnight service has new carriages, a later departure and private
            pods for solo travellers. We took the first train.""",
        ),
        Piece(
            "guide",
            600,
            "Night trains for families: a practical guide",
            """Which compartments to book, what to pack and how to make a night on the rails an
            adventure rather than an ordeal for children.""",
        ),
        Piece(
            "guide",
            650,
            "Rail strike: which night trains are affected this weekend",
            """Overnight services in three countries face cancellations during a planned
            strike. Check this list before you travel.""",
            status="draft",
        ),
        Piece(
            "feature",
            10,
            "Die Renaissance der Nachtzüge in Europa",
            """Nach Jahrzehnten der Kürzungen kehren Nachtzüge in die Fahrpläne zurück, und wer
            früher flog, entdeckt das Aufwachen an einem neuen Ort.""",
            lang="de",
        ),
        Piece(
            "feature",
            150,
            "Mit dem Nachtzug von Wien nach Venedig",
            """Abendessen in Wien, eine schmale Koje über die Alpen und Kaffee am Canal Grande:
            eine der großen Nachtfahrten Europas.""",
            lang="de",
        ),
        Piece(
            "guide",
            430,
            "Nachtzug Brüssel–Berlin: Die Verbindung ist zurück",
            """Neue Wagen, eine spätere Abfahrt und private Kabinen für Alleinreisende. Wir sind
            mit dem ersten Zug gefahren.""",
            lang="de",
        ),
    ),
)


# ------------------------------------------------------------------ copies, updates

TOPICS: tuple[Topic, ...] = (
    ORBITAL_DRIFT,
    SALTMARSH_WIDOW,
    PAPER_LANTERNS,
    KINGSWAY,
    QUIET_CONDUCTOR,
    LONG_QUIET,
    SIGNAL_NINE,
    CROWN_OF_ASH,
    TIDEWATER,
    MIDNIGHT_DESK,
    VALE_FLOODS,
    METRO_STRIKE,
    HOSPITAL_CYBERATTACK,
    RIDGE_WILDFIRE,
    ESTUARY_BRIDGE,
    HARBOUR_CITY_FC,
    NORTHGATE_UNITED,
    GRAND_TOUR,
    LENA_VOS,
    NIMBUS_PHONE,
    CORVID_PHONE,
    HALCYON_CONSOLE,
    ASSISTANT_PRIVACY,
    EUROPA_LANDER,
    CORAL_REEF,
    ALZHEIMERS_TRIAL,
    BRONZE_AGE_BURIAL,
    GROCERY_MERGER,
    SKYCOAST_AIRLINE,
    BEANHOUSE_UNION,
    AZORES,
    KYOTO_AUTUMN,
    NIGHT_TRAINS,
)

# `index` counts a topic's pieces from 0 in the order written above.
SYNDICATIONS: tuple[Syndication, ...] = (
    Syndication(
        "vale-floods",
        1,
        "Wire: Flood barrier fails, hundreds leave homes",
        True,
        "Continental Press Wire",
    ),
    Syndication(
        "vale-floods",
        2,
        "Pensioner dies as floodwater sweeps car off valley lane",
        False,
        "Northern News Agency",
    ),
    Syndication(
        "metro-strike", 1, "Wire: Eastbridge metro talks break down", True, "Continental Press Wire"
    ),
    Syndication(
        "hospital-cyberattack",
        0,
        "Hospital diverts ambulances after hackers hit computer systems",
        False,
        "Northern News Agency",
    ),
    Syndication(
        "ridge-wildfire",
        1,
        "Wire: Ridge wildfire spreads as gusts pick up",
        True,
        "Metro Wire Service",
    ),
    Syndication(
        "estuary-bridge", 0, "Cracked cables shut Hale crossing", False, "Metro Wire Service"
    ),
    Syndication(
        "harbour-city-fc", 5, "Wire: Harbour City clinch the title", True, "Continental Press Wire"
    ),
    Syndication(
        "northgate-united", 1, "Pryce sacked by struggling Northgate", False, "Northern News Agency"
    ),
    Syndication(
        "nimbus-phone",
        4,
        "Wire: Reports of overheating Nimbus X7 handsets grow",
        True,
        "Continental Press Wire",
    ),
    Syndication(
        "corvid-phone",
        2,
        "Fold 3 buyers complain of dead pixels on inner screen",
        False,
        "Metro Wire Service",
    ),
    Syndication(
        "assistant-privacy",
        0,
        "Wire: Deleted voice recordings found on Lumen servers",
        True,
        "Continental Press Wire",
    ),
    Syndication(
        "europa-lander",
        3,
        "Spacecraft heads for Europa to hunt for life under ice",
        False,
        "Northern News Agency",
    ),
    Syndication(
        "alzheimers-trial",
        0,
        "Wire: Dementia drug slows memory loss, trial shows",
        True,
        "Continental Press Wire",
    ),
    Syndication(
        "grocery-merger",
        0,
        "Brightway to buy Fairmart in supermarket tie-up",
        False,
        "Metro Wire Service",
    ),
)

LIVE_UPDATES: tuple[LiveUpdate, ...] = (
    LiveUpdate(
        "vale-floods",
        0,
        "Live: Lower Vale floods, evacuations widen overnight",
        14,
        items("""
            Update, 21:40: The River Authority says the Wend has peaked at Wendham but is still
            rising at Millbrook, and more homes in Ashby Cross are being evacuated.

            Update, 23:15: Two rest centres are now full, and a third is opening in the sports
            hall at Kelsey. Residents are asked to bring medication and phone chargers.

            Update, 01:05: Rescue boats have brought eleven people from upper floors on Mill Lane.
            No injuries have been reported.
        """),
    ),
    LiveUpdate(
        "metro-strike",
        0,
        "Live: Eastbridge metro strike, evening rush hour latest",
        10,
        items("""
            Update, 16:30: Queues for buses at Central Square stretch around the block, and
            the transit authority says extra services are running on the busiest routes.

            Update, 18:10: The union says it is ready to return to talks tomorrow but will not
            call off Thursday's walkout.

            Update, 19:45: Bike hire operators report their busiest day on record.
        """),
    ),
    LiveUpdate(
        "ridge-wildfire",
        0,
        "Live: Carran Ridge wildfire, overnight update",
        12,
        items("""
            Update, 22:00: The fire service says the flames have crossed the road above
            Dunmore. Residents who have not yet left are told to go now.

            Update, 00:30: Two more aircraft are due at first light. Crews are protecting homes
            at High Carran through the night.

            Update, 03:15: The wind has eased slightly, but the fire front is now more than six
            kilometres long.
        """),
    ),
)

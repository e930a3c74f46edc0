"""What a headline says happened (direction, negation, status), checked against stories written for these tests."""

from __future__ import annotations

import pytest

from worker.faithfulness.claims import unsupported_claims
from worker.faithfulness.grounding import check_grounding, extractive_headline
from worker.faithfulness.parties import deal_misstated, sale_told_as_purchase

ROSE = (
    "Acme Corp. reported fourth quarter 2020 results on Tuesday. Revenue rose 12% to $5.1 million, and net income "
    "increased to $0.8 million. The company beat analysts' estimates and raised its full-year guidance. "
    "Acme will host a conference call to discuss these results."
)
TO_COME = (
    "Acme Corp. will report its fourth quarter 2020 results after the market closes on February 10, 2021. "
    "Acme will host a conference call to discuss the results the same day."
)
DEAL = "Acme Corp. has entered into a definitive agreement to acquire Beta Robotics. The transaction is expected to close in the second quarter."
DONE_DEAL = "Acme Corp. completed its acquisition of Beta Robotics. Acme acquired Beta for $40 million in cash."
FINALIST = "Acme Corp. was named a finalist for the 2021 Robotics Innovation Award. Winners will be announced in May."
WON = "Acme Corp. won the 2021 Robotics Innovation Award, the jury said on Monday."
APPLIED = "Acme Corp. has applied to the FDA for clearance of its surgical robot. The application is under review."
DIVIDEND = "Acme Corp. will pay a quarterly dividend of $0.10 per share on March 1."
LAUNCH = "Acme Corp. today unveiled Robo One, a warehouse robot for small retailers."


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        # direction beside a number: the story's sentences with that number decide
        ("Acme Revenue Falls 12% in Fourth Quarter", ROSE, ["Falls"]),
        ("Acme Revenue Rises 12% in Fourth Quarter", ROSE, []),
        # direction without a number: a word of the same sense about the same thing
        ("Acme Misses Estimates", ROSE, ["Misses"]),
        ("Acme Beats Estimates", ROSE, []),
        ("Acme Cuts Full-Year Guidance", ROSE, ["Cuts"]),
        ("Acme Raises Full-Year Guidance", ROSE, []),
        ("Acme Swings to Loss", ROSE, ["Loss"]),
        # the usual direction told in other words needs no support; a compound is no change
        ("Acme Launches Robo One Warehouse Robot", LAUNCH, []),
        ("Acme Unveils Cutting-Edge Warehouse Robot", LAUNCH, []),
        ("Acme Robot Raises Concerns Among Retailers", LAUNCH, []),
        ("Acme Grows Revenue, Cuts Losses", "Acme grew revenue 12% and reduced its net loss to $1 million.", []),
        ("Acme Grows Revenue, Cuts Losses", "Acme grew revenue 12% and its net loss widened to $1 million.", ["Cuts"]),
        # strengthening and weakening are a change's two ways
        (
            "Acme Weakens Commitment to Small Retailers",
            "Acme Corp. strengthened its commitment to small retailers with a $5 million fund.",
            ["Weakens"],
        ),
        ("Dollar Weakens Against the Euro", "The dollar fell 0.6% against the euro on Tuesday.", []),
        (
            "Acme Strengthens Commitment to Small Retailers",
            "Acme Corp. strengthened its commitment to small retailers with a $5 million fund.",
            [],
        ),
        # negation
        ("Acme Will Not Pay Quarterly Dividend", DIVIDEND, ["Not Pay"]),
        ("Acme Will Pay Quarterly Dividend", DIVIDEND, []),
        # a quote mark before the verb hides no negation; "Case No. 3:24" denies nothing
        ("Why Acme Is No Longer \u2018One to Watch\u2019", "Acme Corp. is one to watch, analysts say.", ["No Longer \u2018One"]),
        ("Why Acme Is \u2018One to Watch\u2019", "Acme Corp. is one to watch, analysts say.", []),
        (
            "Kessler Has Not Filed a Class Action Lawsuit Against Acme",
            "A class action lawsuit, Case No. 3:24-cv-09038, was filed against Acme Corp. by Kessler Topaz.",
            ["Not Filed"],
        ),
        # status: results given or to come, both ways
        ("Acme Reports Fourth Quarter 2020 Results", TO_COME, ["Reports"]),
        ("Acme to Report Fourth Quarter 2020 Results", TO_COME, []),
        ("Acme announced it will report its fourth quarter 2020 results", TO_COME, []),
        ("Acme Announces Date for Fourth Quarter 2020 Results", TO_COME, []),
        # the date told after the word "results" ("... results will be released on"), not results given
        (
            "Acme Announces Third Quarter 2020 Financial Results",
            "Acme announced today that its third-quarter 2020 financial results will be released on November 4, 2020.",
            ["Announces"],
        ),
        (
            "Acme Announces Fourth Quarter 2020 Earnings",
            "Acme announced its fourth quarter 2020 earnings release date. It will release its results on February 3.",
            ["Announces"],
        ),
        (
            "Acme Reports Third Quarter 2020 Results",
            "Acme today reported its third quarter 2020 results. Fourth quarter results will be released in February.",
            [],
        ),
        ("Acme Reports Fourth Quarter 2020 Results", ROSE, []),
        ("Acme to Report Fourth Quarter 2020 Results", ROSE, ["Report"]),
        # another year's figures in the company's boilerplate are not these results
        ("Acme Reports Fourth Quarter 2020 Results", TO_COME + " Acme's 2019 net sales were $11.5 billion.", ["Reports"]),
        (
            "Acme Reports Fourth Quarter 2020 Results",
            TO_COME + " Acme employs more than 300 people, and 2019 net sales were $11.5 billion.",
            ["Reports"],
        ),
        ("Acme to Report Fourth Quarter 2020 Results", TO_COME + " Acme's 2019 net sales were $11.5 billion.", []),
        # a year it is compared with is not another year's figure
        ("Acme Reports Fourth Quarter 2020 Results", ROSE + " Net sales were $9 million, up from 2019.", []),
        # "is pleased to report ... results" gives them now
        ("Acme Reports Encouraging Trial Results", "Acme is pleased to report encouraging one-month trial results.", []),
        ("Acme to Report One-Month Trial Results", "Acme is pleased to report encouraging one-month trial results.", ["Report"]),
        # a study's results are told in any words; a period's accounts only in the words that give them
        (
            "Acme To Report Promising Results for AX-1 in Mouse Model",
            "Acme's CEO joined a broadcast to share promising news about AX-1. AX-1 was found to protect the lungs of "
            "infected mice, and treated animals lived longer.",
            ["To Report"],
        ),
        (
            "Acme To Report Q3 Results for AX-1 Sales",
            "Acme's CEO joined a broadcast to share promising news about AX-1. AX-1 was found to protect the lungs of "
            "infected mice.",
            [],
        ),
        # review cases: results announced to come, another event to come, a launch abroad to come, "holds" unchanged
        (
            "Acme Reports Q3 Results",
            "Acme is pleased to announce that it will report its Q3 results after market close on November 5.",
            ["Reports"],
        ),
        (
            "Acme Hosts Investor Day",
            "At its Investor Day on Tuesday, Acme outlined targets. Management will speak at an upcoming investor conference.",
            [],
        ),
        (
            "Acme Plans to Launch Widget",
            "Acme launched Widget in Europe last year. Acme is thrilled to launch Widget in the U.S. next month.",
            [],
        ),
        ("Federal Reserve Holds Rates Steady", "The Fed kept rates steady. The next policy meeting is scheduled for June.", []),
        # a talk or an event to come, told without the headline's verb
        (
            "Sigyn Presents at Growth Conference",
            "Sigyn's CEO will give a live presentation at tomorrow's conference.",
            ["Presents"],
        ),
        ("Sigyn to Present at Growth Conference", "Sigyn's CEO will give a live presentation at tomorrow's conference.", []),
        ("NetCom Hosts Webinar on Deepfakes", "NetCom is excited to announce its upcoming webinar on deepfakes.", ["Hosts"]),
        ("NetCom Hosts Webinar on Deepfakes", "NetCom hosted a webinar on deepfakes on Monday.", []),
        # under way: "is receiving", "the recent launch"
        ("Acme Receives Praise From Clients", "Acme is receiving praise from clients. Clients can submit an application.", []),
        ("Acme Receives Approval", "Acme submitted its application for approval.", ["Receives"]),
        ("Acme Launches Betanet", "Acme celebrates the recent launch of Betanet. More projects will launch Betanet apps.", []),
        ("Acme Launches Betanet", "Acme will launch Betanet next month.", ["Launches"]),
        # "Is Said to Raise": what people say was done, no plan
        ("Acme Is Said to Raise $1 Billion Fund", "Acme has raised $1 billion for its fund, people familiar said.", []),
        (
            "Acme Plans to Raise $1 Billion Fund",
            "Acme has raised $1 billion for its fund, people familiar said.",
            ["Plans to Raise"],
        ),
        # what a launch is followed by has happened, unless the sentence puts it later
        (
            "Acme Launches Family Office",
            "Acme hired Jo Ray to launch a family office. With the launch of our office, we grow.",
            [],
        ),
        (
            "Acme Launches Family Office",
            "Acme hired Jo Ray to launch a family office. With the launch of our office next month, we grow.",
            ["Launches"],
        ),
        # status: a deal agreed is not a deal done, and the other way round
        ("Acme Acquires Beta Robotics", DEAL, ["Acquires"]),
        ("Acme to Acquire Beta Robotics", DEAL, []),
        ("Acme Completes Acquisition of Beta Robotics", DEAL, ["Completes"]),
        ("Acme Acquires Beta Robotics", DONE_DEAL, []),
        ("Acme Plans to Acquire Beta Robotics", DONE_DEAL, ["Plans to Acquire"]),
        # a deal to come is told in the words of its agreement: no future need be written
        ("Microsoft to Buy Activision for $69 Billion", "Microsoft agreed to acquire Activision Blizzard for $69 billion.", []),
        (
            "Acme to Acquire Beta for $1 Billion",
            "Acme announced its acquisition of Beta Corp for $1 billion. The transaction is expected to close in Q3.",
            [],
        ),
        ("Tesla to Open Berlin Plant", "Tesla is opening its Berlin plant in March.", []),
        ("Acme Files for Bankruptcy", "Acme filed for Chapter 11 protection on Monday.", []),
        # a candidacy is not a win, an application not an approval
        ("Acme Wins 2021 Robotics Innovation Award", FINALIST, ["Wins"]),
        ("Acme Named Finalist for 2021 Robotics Innovation Award", FINALIST, []),
        ("Acme Wins 2021 Robotics Innovation Award", WON, []),
        ("Acme Nominated for 2021 Robotics Innovation Award", WON, ["Nominated"]),
        ("Acme Receives FDA Clearance for Surgical Robot", APPLIED, ["Receives"]),
        ("Acme Applies for FDA Clearance of Surgical Robot", APPLIED, []),
        # who did it, not whether it is done
        ("Robotics Summit Hosted by Acme", TO_COME, []),
        # a true headline in other forms or words than the rules' first guess
        ("Acme Lays Off 200 Workers", "Acme laid off 200 workers on Monday.", []),
        ("Acme Wins Navy Contract", "The Navy selected Acme over two other finalists for the contract.", []),
        (
            "Acme Completes Sale of Plastics Unit",
            "Acme announced the closing of the sale of its plastics unit. Forward-looking statements are subject to risks.",
            [],
        ),
        ("Acme Sales Grow in Fiscal 2021", "Sales grew 8% in fiscal 2021. In fiscal 2021, operating expenses declined.", []),
        ("Acme Won't Pay Dividend", "Acme won\u2019t pay a dividend this quarter.", []),
        ("Acme Won't Pay Dividend", "Acme will pay a dividend this quarter, with no change to the amount.", ["Won't Pay"]),
        # "to" after the headline's own verb says why, not that the event is to come
        ("Acme Hires Jane Doe to Join Its Wealth Team", "Jane Doe has joined Acme's wealth team.", []),
        ("Acme to Join Robotics Alliance", "Acme has joined the Robotics Alliance.", ["to Join"]),
        (
            "Acme Reports Results and To Report Record Sales",
            "Acme reported record sales of $5 million and results for the quarter.",
            ["To Report"],
        ),
        ("Acme Deploys Robo One to Expand Access", "Acme deployed Robo One; access to warehouses shrank.", []),
        # money raised is no figure raised
        ("Acme Raises $1.2 Million in Seed Funding", "Acme closed its seed round of $1.2 million to lower costs.", []),
        # a done form about something else says nothing of the headline's event
        (
            "Acme to Launch Testnet Node",
            "Acme's testnet node will go live next month. Projects launched on the network pay fees.",
            [],
        ),
        ("Acme to Launch Testnet Node", "Acme launched its testnet node on Monday.", ["to Launch"]),
        ("Acme Set to Launch Robo Two", "Acme is excited to launch its new Robo Two.", []),
        ("Acme Set to Launch Robo Two", "Acme is excited to launch Robo Two next month.", []),
        (
            "Acme Plans to Launch Robo Two",
            "Acme announced the launch of Robo Two. We are thrilled to launch Robo Two, CEO Jane Doe said.",
            ["Plans to Launch"],
        ),
        # a launch happening now, in the progressive or as a noun announced
        ("Acme Plans to Launch Robo Two", "Acme is launching Robo Two, a warehouse robot.", ["Plans to Launch"]),
        ("Acme to Launch Robo Two", "Acme is launching Robo Two in Q3 2025, its maker said.", []),
        (
            "Acme Plans to Launch Robo Two",
            "Acme announced the official launch of Robo Two, a warehouse robot.",
            ["Plans to Launch"],
        ),
        # an event to come over a story that never puts it in the future, told in other words or not at all
        ("Acme Plans to Launch Robo Two", "Robo Two, Acme's warehouse robot, is in stores from today.", ["Plans to Launch"]),
        ("Acme Plans to Launch Robo Two", "Robo Two, Acme's warehouse robot, will reach stores in May.", []),
        # what the thing will do is no time it comes; advice to others is no plan
        (
            "Acme Plans to Launch Robo Two",
            "Robo Two, Acme's warehouse robot, aims to cut costs and will automatically sort parcels.",
            ["Plans to Launch"],
        ),
        ("Analyst Urges Investors to Buy Acme", "Acme shares rose 5% today, the analyst said.", []),
        # a status short of done is the headline's thing's, in its sentence or the next
        (
            "Acme Secures $10M to Build a Robot Network",
            "Acme raised $10 million to build its robot network. Robots have many applications in farming.",
            [],
        ),
        # "the latest to join" has joined
        ("Acme Joins the OMA3 Consortium", "Acme is the latest big name to join OMA3, a consortium of Web3 firms.", []),
        ("Acme Joins the OMA3 Consortium", "Acme will join OMA3, a consortium of Web3 firms, next year.", ["Joins"]),
        (
            "Acme Plans to Join the OMA3 Consortium",
            "Acme is the latest big name to join OMA3, a consortium of Web3 firms.",
            ["Plans to Join"],
        ),
        # "never before seen" is new, no act denied
        ("Never Before Seen Acme Robot Goes on Show", "Acme showed its new robot for the first time.", []),
        # a step down is an exit; steps of a guide or into a role are none
        ("Acme CEO Jane Roe Steps Down", "Acme named Jane Roe chief executive, and she joined its board.", ["Steps"]),
        ("Six Key Steps for Acme Sellers", "Acme named Jane Roe chief executive, and she joined its board.", []),
        ("Jane Roe Steps Into Acme CEO Role", "Acme named Jane Roe chief executive, and she joined its board.", []),
        # an unveiling, an introduction, a debut: read as plans only
        ("Acme Will Unveil Robo Two at CES", "At CES, Acme unveiled Robo Two, a warehouse robot.", ["Will Unveil"]),
        ("Acme to Introduce Robo Two", "Robo Two, Acme's warehouse robot, is in stores from today.", ["to Introduce"]),
        ("Acme Will Debut Robo Two", "Robo Two, Acme's warehouse robot, will be available in May.", []),
        ("Acme Will Unveil Robo Two at CES", "Acme is excited to unveil Robo Two at CES in January.", []),
        # a launch awaited is still to come
        ("Acme Launches Robo Two", "Acme is preparing for the launch of Robo Two, its warehouse robot.", ["Launches"]),
        ("Acme Launches Robo Two", "Fans are awaiting the official launch of Robo Two, Acme's warehouse robot.", ["Launches"]),
        # their done form is a headline's present for a dated event ("Debuts in May" over "will debut in May")
        ("Acme Debuts Robo Two in May", "Acme will debut Robo Two, a warehouse robot, in May.", []),
        ("With My Own Eyes Debuts New Single", "The band With My Own Eyes released its new single today.", []),
        # roles: the subject chose, it was not chosen
        (
            "Pearl Homes Named Exclusive Agent for Beach Villas",
            "Pearl Homes has named Coastal Realty as the exclusive agent for its Beach Villas.",
            ["Named"],
        ),
        ("Acme Awarded $2 Million Grant", "The Acme Foundation awarded a $2 million grant to City College.", ["Awarded"]),
        ("Acme Named Exclusive Agent", "Pearl Homes named Acme its exclusive agent.", []),
        ("Acme Awarded $2 Million Grant", "Acme was awarded a $2 million grant by the state.", []),
        ("Acme Named Exclusive Agent", "Acme said Pearl Homes named it the exclusive agent.", []),
        # ... nor where the story also has it chosen, names who chose, or the subject is a person of the company
        (
            "Acme Awarded $50 Million Navy Contract",
            "The U.S. Navy awarded Acme a $50 million contract. Acme selected Beta Corp as its subcontractor.",
            [],
        ),
        ("Acme Named Best Employer by Glassdoor", "Glassdoor named Acme a best employer. Acme named a new chief.", []),
        ("Acme Named Exclusive Agent", "Pearl Homes chose Acme. Acme, named after a review, will sell homes.", []),
        ("Acme CEO Named Chairman", "Acme today named its chief executive Jane Roe as chairman.", []),
        # a signing, either way round
        ("Acme Plans to Sign Deal With Beta", "Acme signed a supply deal with Beta on Monday.", ["Plans to Sign"]),
        ("Acme Signs Deal With Beta", "Acme will sign a supply deal with Beta next week.", ["Signs"]),
        ("Acme Signs Deal With Beta", "Acme signed a supply deal with Beta; it will sign another in May.", []),
        # the story's "launch Robo Two" is not "to launch Robo Two"
        ("Acme Plans to Launch Robo Two", "We launch Robo Two, our warehouse robot, today, Acme said.", ["Plans to Launch"]),
        # a done word of the candidacy itself is no win
        (
            "Acme Wins 2021 Robotics Innovation Award",
            "Acme was selected as a finalist for the 2021 Robotics Innovation Award.",
            ["Wins"],
        ),
        # a launch the story has set for a time to come, in a noun ("Slated for launch this April")
        (
            "Acme Launches Robo Two",
            "Acme is introducing Robo Two, a warehouse robot. Slated for launch this April, Robo Two is poised to change "
            "warehouses.",
            ["Launches"],
        ),
        ("Acme Launches Robo Two", "Acme launched Robo Two on Monday. Robo Two was originally slated for launch in April.", []),
        # a story that opens on a candidacy: done words further on (the awards' own process, another award, past
        # years) do not make the finalist a winner
        (
            "Acme Named 2021 Robotics Innovation Award Winner",
            "BOSTON, May 4, 2021 -- Acme was named a finalist for the 2021 Robotics Innovation Award. Acme was also "
            "recently chosen as a Webby Award honoree. Awards are granted at the regional and global level.",
            ["Winner"],
        ),
        # ... unless the story says the win outright, or opens on something done ("announcing the recipients")
        (
            "Acme Wins 2021 Robotics Innovation Award",
            "Acme was named a finalist for the 2021 Robotics Innovation Award in March. On Friday, Acme won the award.",
            [],
        ),
        # ... or wins in words the done words leave out, or later ("was awarded the top prize"); nor is a contract, a
        # grant or an approval an award whose candidacy a shortlist or a drug candidate would be
        (
            "Acme Wins 2021 Robotics Innovation Award",
            "BOSTON, May 4, 2021 -- Acme, one of five finalists, took home the top prize at the 2021 Robotics Innovation "
            "Awards on Thursday. The company was honored at a gala.",
            [],
        ),
        (
            "Acme Wins 2021 Robotics Innovation Award",
            "Acme beat out three other nominees to the 2021 Robotics Innovation Award. The company was honored at a gala.",
            [],
        ),
        (
            "Acme Wins 2021 Robotics Innovation Award",
            "The 2021 Robotics Innovation Awards drew 300 nominations this year. Judges narrowed the field to five "
            "finalists. The finalists presented on Thursday. At the end of the night, Acme was awarded the top prize.",
            [],
        ),
        (
            "Acme Wins $50 Million Army Contract",
            "Acme, one of three shortlisted bidders, has secured a $50 million contract with the U.S. Army. The contract "
            "was awarded after a year-long competition.",
            [],
        ),
        (
            "Acme Bio Wins FDA Approval for Lead Candidate",
            "Acme Bio today announced FDA approval of AB-101, its lead candidate. The company received the approval letter.",
            [],
        ),
        (
            "Acme Announces Winners of Hometown Heroes Awards",
            "Acme continues its tradition by announcing the recipients of its 2025 Hometown Heroes Awards. Each year the "
            "public is invited to nominate first responders. This year's honorees are an extraordinary group.",
            [],
        ),
        # an application elsewhere in the story is not an application for the headline's thing
        (
            "Acme Applies for $5 Million Grant",
            "Acme received a $5 million grant. Its license application for Robo One is pending.",
            ["Applies for"],
        ),
        ("Acme Applies for $5 Million Grant", "Acme filed an application for a $5 million grant.", []),
        # ... but a deal in the progressive, a launch "that will" come or an "upcoming" one is still to come
        (
            "Acme Acquires Beta",
            "Acme is acquiring Beta Corp. Acme will acquire all shares; the deal should close in Q3.",
            ["Acquires"],
        ),
        ("Acme Launches Nova", "Acme built a platform that will launch next month, Nova.", ["Launches"]),
        ("Acme Launches Nova", "Acme announced the upcoming launch of Nova.", ["Launches"]),
        # a plan of what the story tells as done, wherever it speaks of it
        (
            "Acme Plans Business Combination With Beta",
            "Acme announced the completion of its business combination with Beta Robotics.",
            ["Plans"],
        ),
        ("Acme Proposes $12 Million Bridge Loan", "Acme closed a $12 million bridge loan for its Austin plant.", ["Proposes"]),
        (
            "Acme Proposes $12 Million Bridge Loan",
            "Acme closed its last bridge loan in 2019. A proposed $12 million bridge loan would fund the plant.",
            [],
        ),
        ("Acme Plans Business Combination With Beta", "Acme and Beta expect to close their business combination in May.", []),
        # ... where a future or a possibility in another sentence about the thing is of what follows the deal
        (
            "Acme Plans Acquisition of Beta Robotics",
            "Acme has successfully completed the acquisition of Beta Robotics. The consolidation of Beta will start in "
            "Q2, with higher revenue potential.",
            ["Plans"],
        ),
        (
            "Acme Plans Acquisition of Beta Robotics",
            "Acme completed its review of Beta Robotics and expects the acquisition to close in May.",
            [],
        ),
        ("Acme Plans Acquisition of Beta Robotics", "Acme signed a letter of intent; due diligence on Beta was completed.", []),
        # a plan's noun ("Growth Plans") has nothing planned to look up
        ("Acme Completes Stock Split to Support Growth Plans", "Acme completed a stock split. It will expand.", []),
        # a deal told done in other words: "has completed its $10 million acquisition", "was finalized"
        (
            "Acme Plans To Acquire Majority Stake in Beta",
            "Acme has completed its $10 million acquisition of a 51% stake in Beta.",
            ["Plans To Acquire"],
        ),
        (
            "Acme Plans To Acquire Beta",
            "Acme today announced its acquisition of Beta. The acquisition was finalized on August 30, and Beta joins Acme.",
            ["Plans To Acquire"],
        ),
        ("Acme Plans To Acquire Beta", "Closing is subject to the completion of the acquisition of Beta's assets.", []),
        # a purchase told done in its noun or in another purchase verb, in a story with no word of it pending
        (
            "Acme Plans To Acquire Beta Shares",
            "Acme has purchased 2,000 shares of Beta Corp. as part of its treasury strategy.",
            ["Plans To Acquire"],
        ),
        ("Acme Plans To Acquire Beta Fire", "Acme announces the acquisition of Beta Fire, based in Texas.", ["Plans To Acquire"]),
        (
            "Acme Plans To Acquire Beta Fire",
            "Acme announces the acquisition of Beta Fire. The transaction is expected to close in the second quarter.",
            [],
        ),
        ("Acme Plans To Acquire Beta Fire", "Acme announces the acquisition of Beta Fire, subject to approval.", []),
        # a signing told done in other words
        (
            "Acme Plans To Sign LOI to Acquire Beta Electric",
            "Acme has executed a Letter of Intent to acquire Beta Electric, a Texas contractor.",
            ["Plans To Sign"],
        ),
        # a launch and an event to come in other words: "will soon be available", "its highly anticipated launch",
        # "registration is open"; not "since its highly anticipated launch", nor a product "available through" shops
        ("Acme Launches on Amazon", "Acme announced today that its supplements will soon be available on Amazon.", ["Launches"]),
        ("Acme Coin Launches on Solana", "Acme Coin prepares for its highly anticipated launch on Solana.", ["Launches"]),
        ("Acme Coin Doubles Pool", "Since its highly anticipated launch, Acme Coin has grown fast.", []),
        (
            "Acme Launches Dhara Apparel Collection",
            "The Dhara collection is available in six colors. The line will be available through acme.com and shops.",
            [],
        ),
        (
            "Acme Hosts Fleet Policy Workshop",
            "Acme announces a Fleet Policy Workshop for fleet professionals from October 7-9. The Fleet Policy Workshop "
            "will offer a deep dive into policy. Registration for the workshop is currently open.",
            ["Hosts"],
        ),
        # a definitive agreement over a preliminary one, whose story writes the definitive one as to come
        (
            "Acme Signs Definitive Agreement to Acquire Beta Corp",
            "Acme signed a non-binding letter of intent to acquire Beta Corp. The parties expect to enter into a "
            "definitive agreement by June.",
            ["Signs Definitive"],
        ),
        (
            "Acme Signs Definitive Agreement With Beta Corp",
            "Acme and Beta Corp signed a memorandum of understanding to work on batteries.",
            ["Signs Definitive"],
        ),
        (
            "Acme Signs Definitive Agreement to Acquire Beta Corp",
            "Acme entered into a definitive agreement to acquire Beta Corp, following the letter of intent signed in March.",
            [],
        ),
        (
            "Acme Signs LOI to Enter Definitive Agreement With Beta Corp",
            "Acme signed a letter of intent with Beta Corp and expects to enter into a definitive agreement by June.",
            [],
        ),
        # review probes: what follows a deal to come is no deal done; a start told done long ago is another start;
        # a condition is no agreement signed; a guide is no deal; an offering commenced or options evaluated are
        # still to come
        (
            "Acme Agrees to Acquire Beta",
            "Acme entered into a merger agreement with Beta Inc. Upon completion of the acquisition, Beta will become "
            "a wholly owned subsidiary of Acme.",
            [],
        ),
        (
            "Acme to Acquire Beta for $50 Million",
            "Acme signed a definitive agreement for the acquisition of Beta. Acme has completed the financing for the "
            "acquisition of Beta.",
            [],
        ),
        (
            "Acme to Begin Drilling at Beta Project",
            "Drilling at the Beta project is set to commence in June 2024. Acme commenced exploration at the Beta "
            "project in 2021.",
            [],
        ),
        (
            "Acme Signs Definitive Agreement With Beta Corp",
            "Acme signed a letter of intent with Beta Corp. The LOI terminates unless the parties have entered into a "
            "definitive agreement by June 30.",
            ["Signs Definitive"],
        ),
        (
            "Acme Signs Definitive Agreement With Beta Corp",
            "Acme signed a letter of intent with Beta Corp in March. Acme and Beta Corp signed a share exchange "
            'agreement (the "Definitive Agreement").',
            [],
        ),
        (
            "Acme Publishes the Definitive Guide to Term Sheets",
            "Acme published a guide for founders on how to negotiate a term sheet.",
            [],
        ),
        (
            "Acme Announces Proposed Public Offering of Common Stock",
            "Acme has commenced an underwritten public offering of its common stock. Acme completed its initial public "
            "offering in 2021.",
            [],
        ),
        (
            "Acme Plans Acquisition of Beta",
            "Acme announced the completion of the acquisition of Beta pursuant to the definitive agreement announced in January.",
            ["Plans"],
        ),
        (
            "Acme Plans $50 Million Expansion of Texas Plant",
            "Acme, which completed its acquisition of Beta in March, plans a $50 million expansion of its Texas plant.",
            [],
        ),
        # "Joins Forces" is a partnership, told in any tense; a "to join" of readers is no plan of the subject's
        (
            "Acme Joins Forces with Beta to Enhance Client Services",
            'Acme said: "By joining forces with Beta, we serve clients better." Jane Doe will join the Beta team.',
            [],
        ),
        (
            "Acme Joins Robo Hackathon as an Official Partner",
            "Acme has become an official partner for the Robo Hackathon. Read more on how to join the Robo Hackathon.",
            [],
        ),
        ("Acme Joins Robo Hackathon", "Acme will join the Robo Hackathon next month as a sponsor.", ["Joins"]),
        # what begins is the first thing named: the plant's production to begin later is another start; a licence
        # "allowing it to begin" is no plan
        (
            "Acme Begins Construction of Beta Plant",
            "Acme held a groundbreaking for its Beta plant, marking the start of construction. The plant will begin "
            "production in 2026.",
            [],
        ),
        ("Acme Begins Production at Beta Plant", "The Beta plant will begin production in 2026.", ["Begins"]),
        (
            "Acme Begins Operations at Beta Plant",
            "Acme received a license for the Beta plant, allowing it to begin official operations. Acme started "
            "production shortly after.",
            [],
        ),
        # a partnership's purpose is no plan of its own: "Partner to Launch" over the launch done
        (
            "Acme and Beta Partner to Launch Robo Pay",
            "Acme and Beta today launched Robo Pay, a wallet built together.",
            [],
        ),
        (
            "Acme Continues Partnership with Beta Labs to Launch Robo Pay",
            "Acme and Beta Labs launched Robo Pay today.",
            [],
        ),
        ("Acme Plans to Launch Robo Pay", "Acme launched Robo Pay today.", ["Plans to Launch"]),
        # a second review's probes: a licence or an ability "to" with a time ahead is still to come; what starts is
        # the first two words named, or the subject; "Joins Forces" over a partnership only planned; a plan before
        # the partner ("Plan to Partner to Launch") is checked
        (
            "Acme Launches Z-Scan",
            "Acme received FDA clearance, allowing Acme to launch Z-Scan in the second half of 2025.",
            ["Launches"],
        ),
        ("Acme Opens Austin Store", "Without the permit, Acme would never have been able to open the Austin store.", []),
        (
            "Acme Begins Commercial Production at Texas Plant",
            "Acme will begin production at its Texas plant in Q3 2025.",
            ["Begins"],
        ),
        ("Construction Begins", "Construction of the plant is expected to begin in March 2025.", ["Begins"]),
        ("Valencia Is The Place It All Starts", "Valencia is where families start; a new park will start construction.", []),
        ("Acme Joins Forces With Beta", "Acme and Beta plan to join forces to build Z-Pay.", ["Joins"]),
        ("Acme and Beta Plan to Partner to Launch Z-Pay", "Acme launched Z-Pay in 2022 with Beta.", ["to Partner to Launch"]),
        ("Acme Partnering With Beta to Launch Z-Pay", "Acme and Beta launched Z-Pay today.", []),
        ("Acme Joins The Climate Pledge", "Acme has joined The Climate Pledge and invites its suppliers to join.", []),
        # money in hand told in a financing's words; a founding member has joined
        (
            "Acme Secures $3.3M to Advance Robo Program",
            "Acme announced the successful completion of $3.3 million in financing. The funding will advance the Robo "
            "program and an app for at home application.",
            [],
        ),
        ("Acme Secures $3.3M Grant", "Acme has applied for a $3.3M grant; its application is pending.", ["Secures"]),
        (
            "Acme Joins Open Robo Alliance",
            "Acme has become a founding member of the Open Robo Alliance and will join its working groups.",
            [],
        ),
        # a start to come in its synonyms: "set to commence soon"
        (
            "Acme Begins Drill Program on Robo Project",
            "The drill program on the Robo Project, set to commence soon, will see 1,500 meters of drilling.",
            ["Begins"],
        ),
        (
            "Acme Begins Drill Program on Robo Project",
            "The drill program on the Robo Project has commenced; a second is set to commence in May.",
            [],
        ),
        # a market's close is no deal done
        ("Acme Weighs Bid for Beta", "Acme is weighing a bid for Beta, people said. Beta shares closed up 8% on Friday.", []),
        # a report or an announcement still to come over the release that makes it, unless the story puts it later
        (
            "Acme To Report Promising Data From Robo Trial",
            "Acme today shared promising data from its Robo trial: 80% of sites met the goal.",
            ["To Report"],
        ),
        (
            "Acme To Report Promising Data From Robo Trial",
            "Acme will present promising data from its Robo trial at the May conference.",
            [],
        ),
        (
            "Acme To Announce Robo Winners",
            "Acme announced today the winners of its Robo contest: Jane Doe and Ann Lee.",
            ["To Announce"],
        ),
        ("Acme To Announce Robo Winners", "The winners of Acme's Robo contest will be announced on May 4.", []),
        ("Acme Is Proud to Announce Robo Winners", "Acme announced today the winners of its Robo contest.", []),
        # an expectation is what is expected, not a report to come
        ("Acme Expects to Report Higher Robo Sales", "Acme said it expects Robo sales to increase in Q2.", []),
        # a plan's "to" dropped leaves the event claimed done
        (
            "Acme Pleased Announces Robo Winners",
            "Acme is pleased to announce the winners of its Robo contest.",
            ["Pleased Announces"],
        ),
        ("Acme Wants Buys Beta for $5 Million", "Acme wants to buy Beta for $5 million, people said.", ["Wants Buys"]),
        # ... and a purpose's "to" dropped after the first action claims the second done
        (
            "Acme Partners with Beta Launches Robo Two",
            "Acme partnered with Beta to launch Robo Two next year.",
            ["Launches"],
        ),
        ("Acme Partners with Beta, Launches Robo Two", "Acme partnered with Beta and launched Robo Two today.", []),
        # "Completed" before its noun, over a story where nothing is finished, closed or held
        ("Acme Expands With Completed Robo Launch", "Acme's upcoming Robo launch will reach 40 stores.", ["Completed"]),
        ("Acme Expands With Completed Robo Launch", "Acme closed its Robo launch with sales in 40 stores.", []),
        # ... none of which reads a plural noun, a clause or a telling still to come as an event done or done now
        ("Acme Expects Issues in Robo Rollout", "Acme expects issues in the Robo rollout, its CEO said.", []),
        ("Acme Plans Expanded Share Buyback", "Acme plans to expand its share buyback to $50 million.", []),
        ("Acme Raises Guidance on Strong Product Launches", "Acme raised its guidance after new products sold well.", []),
        ("Union Secures Big Pay Raises at Acme", "The union won wage increases of 5% at Acme.", []),
        ("Acme Hires New CEO Days Before Merger Closes", "Acme hired Jane Doe days before its merger with Beta.", []),
        ("Acme Raises $10M Series A - Launches Robo Platform", "Acme raised $10 million and launched Robo.", []),
        (
            "Acme to Report Third Quarter 2024 Sales on Nov 5",
            "Acme will host a conference call on November 5 at 8 a.m. ET to discuss third quarter sales.",
            [],
        ),
        (
            "Acme to Report Topline Data From Robo Trial",
            "Acme expects topline data from the Robo trial in the second quarter.",
            [],
        ),
        ("Acme to Announce Winners of Robo Challenge", "Winners of the Robo Challenge will be named on May 4.", []),
        ("Acme Poised to Report Record Annual Sales", "Acme's annual sales reached a record, it said.", []),
        ("Acme to Release Q3 Production Update", "Acme today released its third quarter production update.", ["to Release"]),
        # an approval over a committee's recommendation of one, unless the headline says it is a recommendation
        (
            "Acme Announces Robozumab Approval in Europe",
            "The EMA's CHMP has recommended the approval of Acme's Robozumab; the European Commission decides next.",
            ["Approval"],
        ),
        (
            "CHMP Recommends Approval of Acme Robozumab",
            "The EMA's CHMP has recommended the approval of Acme's Robozumab; the European Commission decides next.",
            [],
        ),
        (
            "Acme Announces Robozumab Approval in Europe",
            "The CHMP recommended approval in March. The European Commission approved Robozumab on May 4.",
            [],
        ),
        # a dividend on a series of shares is no money raised
        (
            "REIT Raises Dividend on Series A Preferred Shares",
            "The REIT cut its dividend on Series A preferred shares.",
            ["Raises"],
        ),
    ],
)
def test_claims_the_story_does_not_make_are_unsupported(headline: str, story: str, unsupported: list[str]) -> None:
    assert unsupported_claims(headline, story) == unsupported


def test_the_grounding_check_reports_claims_beside_facts() -> None:
    verdict = check_grounding("Acme Revenue Falls 15% in Fourth Quarter", ROSE)
    assert not verdict.grounded
    assert verdict.unsupported == ["15%", "Falls"]


HARD_LEADS = [
    "Acme Corp. is excited to launch Robo One, a warehouse robot for small retailers.",
    "Acme Corp. finalizes its acquisition of Beta Robotics, subject to customary adjustments.",
    "Acme Corp. obtains a CE mark for its surgical robot. Acme filed its application last year.",
    "Acme Corp. was a winner at the 2021 Robotics Awards, chosen from 12 finalists.",
    "Acme Corp. Profit Falls\nThe company said quarterly profit fell 8% on weaker demand.",
    "Acme Corp. reported its fourth quarter and full year 2020 financial results on Tuesday. Revenue was $5 million.",
    "Acme Corp. will not pay a dividend this quarter, the board said.",
    "Acme Corp. mulls a sale of its Beta unit. Acme closed the sale of its Gamma unit in 2019.",
    "The event is set for September 17 at Singapore's rooftop bar CÉ LA VI.",
]


@pytest.mark.parametrize("story", [ROSE, TO_COME, DEAL, DONE_DEAL, FINALIST, WON, APPLIED, DIVIDEND, LAUNCH, *HARD_LEADS])
def test_the_extractive_lead_always_passes_the_claims_check(story: str) -> None:
    """The policy's last resort is the story's own words: the check it falls back on must accept them."""
    lead = extractive_headline(story)
    assert lead and unsupported_claims(lead, story) == []


_APPOINTMENT = (
    "BOSTON, March 3, 2025 -- Norvane Robotics today announced the appointment of Priya Talwar as Chief Technology "
    "Officer. Talwar joins from Keltic Systems, where she served as vice president of engineering. \u201cPriya brings "
    "deep experience,\u201d said Omar Hale, Norvane's CEO. As CTO, Talwar will lead the company's platform team."
)
_JOINED = "Priya Talwar has joined Norvane Robotics as Chief Technology Officer, the company said on Monday."


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        # the title given the way the story gives it
        ("Norvane Robotics Appoints Priya Talwar as Chief Technology Officer", _APPOINTMENT, []),
        ("Norvane Robotics Names Priya Talwar CTO", _APPOINTMENT, []),
        ("Priya Talwar Joins Norvane Robotics as Chief Technology Officer", _APPOINTMENT, []),
        ("Norvane Robotics Appoints Priya Talwar as Chief Technology Officer", _JOINED, []),
        ("Priya Talwar Joins Norvane Robotics as CTO", _JOINED, []),
        # ... and with the two names the other way round
        ("Priya Talwar Appoints Norvane Robotics as Chief Technology Officer", _APPOINTMENT, ["Appoints"]),
        ("Priya Talwar Names Norvane Robotics CTO", _APPOINTMENT, ["Names"]),
        ("Norvane Robotics Joins Priya Talwar as Chief Technology Officer", _JOINED, ["Joins"]),
        ("Priya Talwar Hires Norvane Robotics as Chief Technology Officer", _JOINED, ["Hires"]),
        # a company written beside its own title ("Norvane's CEO") is not given it; the CEO is another title
        ("Priya Talwar Appoints Norvane Robotics as CEO", _APPOINTMENT, []),
        # a story that never gives the title to either name says nothing against the headline
        ("Priya Talwar Appoints Norvane Robotics as Chief Revenue Officer", _APPOINTMENT, []),
        # a company written right before a title is the company's own ("the Norvane Board", "as Norvane CTO"); a
        # passive gives it to its subject; a name after the title and a comma holds it
        (
            "Norvane Robotics Appoints Priya Talwar to Board of Directors",
            "The Norvane Board of Directors today appointed Priya Talwar as an independent director.",
            [],
        ),
        (
            "Priya Talwar Joins Norvane Robotics as CTO",
            "Priya Talwar has joined Norvane. In her role as Norvane CTO she will lead engineering.",
            [],
        ),
        (
            "Norvane Robotics Names Priya Talwar Chief Operating Officer",
            "Priya Talwar, a 20-year Norvane veteran, has been named Chief Operating Officer.",
            [],
        ),
        (
            "Norvane Robotics Promotes Priya Talwar to Chief Operating Officer",
            "Norvane announced that Priya Talwar has been promoted to Chief Operating Officer.",
            [],
        ),
        (
            "Norvane Robotics Names Priya Talwar Chief Financial Officer",
            "Norvane has named a new Chief Financial Officer, Priya Talwar, effective June 1.",
            [],
        ),
        (
            "Norvane Robotics Adds Priya Talwar to Executive Leadership Team",
            "Norvane Robotics, maker of warehouse arms, adds to its Executive Leadership Team with Priya Talwar.",
            [],
        ),
        # a title the story gives both names, in two sentences, is not reversed
        (
            "Keltic Systems Appoints Norvane Robotics as Exclusive Agent",
            "Keltic Systems named Norvane Robotics as exclusive agent. Exclusive Agent Keltic Systems will also sell.",
            [],
        ),
    ],
)
def test_a_title_is_given_to_the_name_the_story_gives_it(headline: str, story: str, unsupported: list[str]) -> None:
    assert unsupported_claims(headline, story) == unsupported


_PURCHASE = (
    "DENVER, May 2, 2025 -- Halverton Foods, a maker of frozen meals, today announced the acquisition of Brisco "
    "Farms, a family-owned grower. Brisco Farms will keep its name."
)
_SOLD = "Brisco Farms said on Friday it had been acquired by Halverton Foods for $40 million."
_MARINER = (
    "Mariner, a wealth advisory firm, today announced its acquisition of Woodbridge International. Woodbridge "
    "International, known for its sell-side M&A work, brings 30 years of expertise."
)
_HARBOR = "Halverton Foods today announced its acquisition of Portland, Maine-based Harbor, a seafood broker."
_VALLEY = "Brisco Farms has completed the acquisition of Green Valley Farm Supply, a feed dealer in Ohio."


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        ("Halverton Foods Acquires Brisco Farms", _PURCHASE, []),
        ("Halverton Foods Completes Acquisition of Brisco Farms", _PURCHASE, []),
        ("Halverton Foods Acquires Brisco Farms for $40 Million", _SOLD, []),
        ("Brisco Farms Acquires Halverton Foods", _PURCHASE, ["Acquires"]),
        ("Brisco Farms to Acquire Halverton Foods", _SOLD, ["to Acquire"]),
        ("Brisco Farms Completes Acquisition of Halverton Foods", _PURCHASE, ["Completes Acquisition of"]),
        # "the acquisition of B by A" and a story that has both buy each other's units say nothing against it
        ("Halverton Foods Acquires Brisco Farms", "The acquisition of Brisco Farms by Halverton Foods closed.", []),
        ("Brisco Farms Acquires Halverton Foods", "The acquisition of Brisco Farms by Halverton Foods closed.", ["Acquires"]),
        (
            "Brisco Farms Acquires Halverton Foods Unit",
            "Halverton Foods acquired Brisco Farms in 2019. Brisco Farms now acquires Halverton Foods' dairy unit.",
            [],
        ),
        # a passive headline is the purchase told from the other side; a headline's verb is read in any case
        ("Brisco Farms Acquired By Halverton Foods", _PURCHASE, []),
        ("Halverton Foods Acquired By Brisco Farms", _PURCHASE, ["Acquired By"]),
        ("Halverton Foods to Be Acquired by Brisco Farms", _SOLD, ["to Be Acquired by"]),
        ("Brisco Farms to Be Acquired by Halverton Foods", _SOLD, []),
        ("Brisco Farms enters deal to acquire Halverton Foods", _PURCHASE, ["to acquire"]),
        ("Halverton Foods to acquire Brisco Farms", _PURCHASE, []),
        ("Halverton Foods joins Brisco Farms", "Halverton Foods welcomed Brisco Farms to its network.", ["joins"]),
        # a name the story gives another name right after ("who is known as", "doing business as"), and joining
        # a party's network is joining the party
        (
            "Halverton Foods Joins Brisco Farms to Widen Access",
            "Halverton Foods Corp., who is known as Halvo, has an agreement with Brisco Farms. Brisco Farms joins "
            "Halvo's growing network of 16 sites.",
            ["Joins"],
        ),
        (
            "Brisco Farms Joins Halverton Foods Network",
            "Halverton Foods Corp., who is known as Halvo, has an agreement with Brisco Farms. Brisco Farms joins "
            "Halvo's growing network of 16 sites.",
            [],
        ),
        # whose act a sentence does not tell says nothing: a noun with no "of", a relative clause, a possessor, goods
        (
            "Halverton Foods Completes Acquisition of Brisco Farms",
            "Brisco Farms shareholders approved the acquisition, and Halverton Foods closed the deal on Friday.",
            [],
        ),
        ("Halverton Foods to Acquire Brisco Farms", "Brisco Farms, which Halverton Foods agreed to acquire, said so.", []),
        (
            "Halverton Foods Completes Acquisition of Brisco Farms",
            "Brisco Farms said its holders approved the acquisition of the company by Halverton Foods.",
            [],
        ),
        (
            "Halverton Foods Acquires Brisco Farms",
            "Halverton Foods has completed its takeover of Brisco Farms. Brisco Farms purchases feed from Halverton Foods.",
            [],
        ),
        ("Halverton Foods Acquires Brisco Farms", "Brisco Farms was acquired on Friday by Halverton Foods.", []),
        ("Brisco Farms Acquires Halverton Foods", "Brisco Farms was acquired on Friday by Halverton Foods.", ["Acquires"]),
        (
            "Halverton Foods Joins Brisco Farms Network",
            "Halverton Foods is now a member. Brisco Farms joined Halverton Foods' grain co-op in 2021.",
            [],
        ),
        (
            "Halverton Foods Joins Brisco Farms Network",
            "Halverton Foods is now a member, its chief said, adding that Brisco Farms is a fine partner.",
            [],
        ),
        # a reported clause without its "that": who joined is the one after "announced"
        (
            "Brisco Farms Joins Halverton Foods as Grain Buyer",
            "Halverton Foods announced Brisco Farms has joined its co-op as grain buyer, a role Brisco Farms held before.",
            [],
        ),
        # a joining, told by who joins or by who welcomes them
        ("Brisco Farms Joins Halverton Foods Network", "Brisco Farms has joined the Halverton Foods network.", []),
        ("Brisco Farms Joins Halverton Foods Network", "Halverton Foods welcomed Brisco Farms to its network.", []),
        ("Halverton Foods Joins Brisco Farms", "Halverton Foods welcomed Brisco Farms to its network.", ["Joins"]),
        ("Halverton Foods Joins Brisco Farms", "The co-op said that Brisco Farms joined Halverton Foods.", ["Joins"]),
        # a name made only of common words is found by all of them, as written
        ("Harbor Acquires Halverton Foods", _HARBOR, ["Acquires"]),
        ("Halverton Foods Acquires Harbor", _HARBOR, []),
        ("Green Valley Farm Supply Acquires Brisco Farms", _VALLEY, ["Acquires"]),
        ("Brisco Farms Acquires Green Valley Farm Supply", _VALLEY, []),
        # one of its words alone is any sentence's word: "the harbor" is not the firm
        ("Harbor Acquires Halverton Foods", "Halverton Foods acquired a site on the harbor. It now ships from there.", []),
        # nor are two names told apart when one holds the other
        ("Green Valley Acquires Green Valley Farm Supply", _VALLEY, []),
        # connectors as written; one generic word names no one
        ("Fire & Safety Group Acquires Brisco Farms", "Brisco Farms acquired Fire & Safety Group last year.", ["Acquires"]),
        ("Company Acquires Brisco Farms", "Brisco Farms acquired the Company last year.", []),
        # a sale told as the story's purchase the other way round; a third party's purchase, or a sale told, is none
        ("Mariner Divests Woodbridge International", _MARINER, ["Divests"]),
        ("Mariner Sells Woodbridge International to Halverton", _MARINER, ["Sells"]),
        ("Mariner Acquires Woodbridge International", _MARINER, []),
    ],
)
def test_an_act_of_one_party_on_another_is_told_the_way_round_the_story_tells_it(
    headline: str, story: str, unsupported: list[str]
) -> None:
    assert unsupported_claims(headline, story) == unsupported


def test_a_sale_is_read_against_a_purchase_only_where_the_seller_bought_and_no_sale_is_told() -> None:
    # read alone: the direction check has its own reading of "Sells" beside "acquired"
    bought_from = "Mariner acquired Woodbridge International from Halverton."  # a third party's purchase: Halverton sold
    assert sale_told_as_purchase("Halverton Sells Woodbridge International", bought_from) == []
    assert sale_told_as_purchase("Mariner Sells Woodbridge International", bought_from) == ["Sells"]
    sold_later = "Mariner acquired Woodbridge International in 2019. Mariner has now sold Woodbridge International to Beta."
    assert sale_told_as_purchase("Mariner Sells Woodbridge International", sold_later) == []


def test_money_raised_is_no_plan_to_raise_it() -> None:
    raised = "Canopy announced today that it has raised $1.2 million in its first funding round led by Mechanism Capital."
    assert check_grounding("Canopy Plans to Raise $1.2M to Build Platform", raised).unsupported == ["Plans to Raise"]
    assert not check_grounding("Canopy Seeks to Secure $1.2M in Funding", raised).grounded
    assert check_grounding("Canopy Raises $1.2M to Build Platform", raised).grounded
    assert check_grounding(
        "Canopy Plans to Raise $1.2M", "Canopy intends to raise $1.2 million in a round opening next week."
    ).grounded
    # Raising a figure or a concern is no funding event.
    assert check_grounding("Acme Plans to Raise Prices", "Acme raised prices by 5% in March.").grounded


def test_a_superlative_flipped_is_the_other_direction() -> None:
    story = (
        "Acme was named to the Inc. 5000 list of the fastest-growing private companies, and its plant is the largest "
        "in Ohio. Acme is one of the most admired employers in the state, with at least 500 staff."
    )
    for headline, word in [
        ("Acme Named to Inc. 5000 List of Slowest-Growing Private Companies", "Slowest"),
        ("Acme Opens Smallest Plant in Ohio", "Smallest"),
        ("Acme Among the Least Admired Employers", "Least"),
    ]:
        assert check_grounding(headline, story).unsupported == [word]
    for headline in [
        "Acme Named to Inc. 5000 List of Fastest-Growing Private Companies",
        "Acme Opens Largest Plant in Ohio",
        "Acme Among the Most Admired Employers",
        "Acme Has at Least 500 Staff",
    ]:
        assert check_grounding(headline, story).grounded, headline


def test_a_direction_told_the_other_way_beside_the_same_words() -> None:
    story = (
        "Copper prices slipped on Friday. Gold traders expect lower interest rates this year. Without a website, many "
        "businesses lose out. AnotherCo helps clients win new business. Night light has increased in cities, and less "
        "light at night may reduce heart disease risk, the study found."
    )
    assert check_grounding("Copper Climbs Amid Trade Tensions", story).unsupported == ["Climbs"]
    assert check_grounding("Gold Buyers Eye Higher Interest Rates", story).unsupported == ["Higher"]
    for headline in [
        "Copper Slips Amid Trade Tensions",
        "Gold Buyers Eye Lower Interest Rates",
        # after another verb's object, not the headline's subject; a verb, not a modifier, before the same words
        "AnotherCo Helps Great Businesses Win",
        "More Light at Night May Raise Heart Disease Risk",
    ]:
        assert check_grounding(headline, story).grounded, (headline, check_grounding(headline, story))


def test_a_verb_told_the_other_way_before_the_same_object() -> None:
    story = "Acme expands access to sports tickets for donors, with lower fees for members. Gamma acquired the Beta Hotel."
    assert check_grounding("Acme Cuts Access to Sports Tickets", story).unsupported == ["Cuts"]
    assert check_grounding("Acme Expands Access to Sports Tickets", story).grounded
    # the headline's own verb with the object somewhere, and a sale and a purchase of one thing, are no other way
    assert check_grounding("Acme Cuts Access Fees", story + " Acme also cuts access fees.").grounded
    assert not sale_told_as_purchase("Acme Sells Beta Hotel", "Gamma acquired the Beta Hotel from Acme.")


def test_an_event_put_off_or_stopped_needs_the_story_to_say_so() -> None:
    story = (
        "Acme will launch its robotaxi service in Austin in June. Its board declared a quarterly dividend of $0.25. "
        "Acme supports the new safety bill. Separately, the state revoked a rival's permit."
    )
    for headline, word in [
        ("Acme Delays Robotaxi Launch in Austin", "Delays"),
        ("Acme Suspends Quarterly Dividend", "Suspends"),
        ("Acme Cancels Robotaxi Service in Austin", "Cancels"),
        ("Acme Opposes New Safety Bill", "Opposes"),
    ]:
        assert check_grounding(headline, story).unsupported == [word]
    for headline in [
        "Acme to Launch Robotaxi Service in Austin",
        "Acme Declares Quarterly Dividend",
        "Acme Supports New Safety Bill",
        "State Cancels Rival's Permit",  # "revoked": the same sense
    ]:
        assert check_grounding(headline, story).grounded, headline
    assert check_grounding("Acme Delays Robotaxi Launch", "Acme delayed the launch of its robotaxi to July.").grounded


@pytest.mark.parametrize(
    ("headline", "story", "grounded"),
    [
        ("Acme Cancels Merger With Beta", "Acme terminated its merger agreement with Beta on Friday.", True),
        ("Acme Postpones Annual Meeting", "Acme announced the postponement of its annual meeting.", True),
        ("Acme Board Opposes Beta Proposal", "Acme's board expressed its opposition to the Beta proposal.", True),
        ("Acme Resumes Quarterly Dividend", "Acme reinstated its quarterly dividend, suspended in 2020.", True),
        ("Glass Lewis Backs Acme Nominees", "Glass Lewis recommends a vote for Acme's nominees, and to oppose the others.", True),
        ("Acme Says Project on Track With No Delays", "Acme said the project remains on schedule.", True),
        ("Acme Q3 Revenue Hit by Supply Chain Delays", "Acme's third quarter revenue was hit by supply chain disruptions.", True),
        ("Acme Delays Launch of Widget", "Acme will launch its widget in June.", False),
    ],
)
def test_an_event_put_off_in_the_words_stories_use(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


@pytest.mark.parametrize(
    ("headline", "story", "grounded"),
    [
        ("Acme Sues Beta Over Widget Patent", "Acme and Beta signed a partnership to make widgets.", False),
        ("Acme Files Lawsuit Against Beta", "Acme and Beta signed a partnership to make widgets.", False),
        ("Acme Fined $2 Million by Regulator", "Acme paid a regulator $2 million for a license.", False),
        ("Acme Files for Bankruptcy", "Acme files for a patent on its widget.", False),
        ("Acme Delisted From NASDAQ", "Acme shares trade on NASDAQ.", False),
        # the story's own words of the same trouble, however it tells it
        ("Acme Files Defamation Lawsuit Against Beta", "Acme filed a complaint against Beta and its founder.", True),
        ("Court Decision Marks Win for Acme in Trademark Litigation", "Acme won in the Court of Appeals over its mark.", True),
        ("Acme Sues Beta Over Widget Patent", "Acme sued Beta in federal court over its widget patent.", True),
        ("Acme Fined $2 Million by Regulator", "The regulator imposed a fine of $2 million on Acme.", True),
        ("Acme Files for Chapter 11 Bankruptcy", "Acme filed for Chapter 11 protection from its creditors.", True),
        ("Acme Wins Lawsuit Against Beta", "A jury found in Acme's favor against Beta in the patent case.", True),
        ("Acme Delisted From NASDAQ", "Nasdaq removed Acme's shares from trading.", True),
        # a trade or a service named by the word, a name, and words of other senses: no trouble told
        ("Burford Reports Record Litigation Finance Income", "Burford, a legal finance firm, reported record income.", True),
        ("Acme Launches Dispute Resolution Platform", "Acme helps merchants resolve chargebacks.", True),
        ("Smith Law Adds Bankruptcy Attorney Jane Doe", "Smith Law added Jane Doe, who advises debtors and lenders.", True),
        ("Acme Announces Voluntary Delisting From NYSE", "Acme will withdraw its stock from listing on the NYSE.", True),
        ("Acme Holds Inventory Liquidation Sale", "Acme holds a clearance sale of its inventory.", True),
        ("Messi Scores Penalty as Inter Miami Win", "Messi converted a spot kick as Inter Miami won.", True),
        ("Acme Names Sue Gove CEO", "Acme named Susan Gove chief executive.", True),
        # the story's own words of the trouble, however it tells it
        ("Acme Sued by Investors Over Disclosures", "Investors filed a class action against Acme over its disclosures.", True),
        ("Acme Executive Indicted for Wire Fraud", "A federal grand jury charged the Acme executive with wire fraud.", True),
        ("Acme Enters Insolvency", "Acme entered administration on Monday.", True),
        # a dispute is not read: stories tell it in too many words ("Prevails in Legal Dispute" over a court's ruling)
        ("Acme Prevails in Legal Dispute With Former CEO", "A court dismissed a motion by Acme's former CEO.", True),
        # the story's words of another sense are no support, nor is a trade's word that is the trouble's own
        ("Acme Enters Bankruptcy", "Acme enters a new phase of growth with its creditors.", False),
        ("Acme Fined $2 Million by Regulator", "Acme charges $2 million for its license.", False),
        ("Acme Seeks Bankruptcy Protection", "Acme is seeking new funding after sales fell 10%.", False),
        ("Investors Sue Acme Over Data Breach", "Acme disclosed a data breach.", False),
        ("Acme Enters Liquidation", "Acme launched a new line of shoes.", False),
    ],
)
def test_trouble_a_headline_tells_is_trouble_its_story_tells(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


_PROBE = (
    "NEW YORK, March 3 -- Harlan & Pike LLP is investigating potential securities claims on behalf of investors of "
    "Brisco Farms, Inc. (NASDAQ: BRSC). The investigation concerns whether Brisco Farms issued misleading statements. "
    "Purchasers of Brisco Farms securities may contact the firm."
)
_SUIT = (
    "Harlan & Pike LLP reminds investors that a class action lawsuit has been filed against Brisco Farms, Inc. on "
    "behalf of persons who purchased Brisco Farms securities. Brisco Farms shares fell 20% after the report."
)
_ITS_OWN = (
    "Brisco Farms, Inc. has filed a lawsuit against Halverton Foods for breach of contract. Brisco Farms is also "
    "investigating claims that Halverton Foods shipped spoiled grain, and urges its investors to stay calm."
)


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        ("Harlan & Pike LLP Investigates Claims on Behalf of Brisco Farms Investors", _PROBE, []),
        ("Brisco Farms Investigates Potential Securities Claims", _PROBE, ["Investigates"]),
        ("Brisco Farms, Inc. (NASDAQ: BRSC) Announces Investigation", _PROBE, ["Announces Investigation"]),
        ("Harlan & Pike LLP Investigates on Behalf of Brisco Farms", _PROBE, ["on Behalf of Brisco Farms"]),
        ("Harlan & Pike LLP Files Class Action Lawsuit Against Brisco Farms", _SUIT, []),
        ("Brisco Farms Files Class Action Lawsuit", _SUIT, ["Files"]),
        ("Brisco Farms Reminds Investors of Class Action Deadline", _SUIT, ["Reminds"]),
        ("Harlan & Pike LLP Reminds Brisco Farms Investors of Deadline", _SUIT, []),
        # the company's own suit or probe, told by the story as its own
        ("Brisco Farms Files Lawsuit Against Halverton Foods", _ITS_OWN, []),
        ("Brisco Farms Investigates Claims Against Halverton Foods", _ITS_OWN, []),
        ("Brisco Farms Urges Investors to Stay Calm", _ITS_OWN, []),
        # "Files" of a patent, in a story with no legal action, is no suit
        ("Brisco Farms Files Patent for Grain Dryer", "Brisco Farms securities trade on NASDAQ. It filed a patent.", []),
    ],
)
def test_the_accused_side_of_a_legal_action_is_not_the_one_acting(headline: str, story: str, unsupported: list[str]) -> None:
    assert unsupported_claims(headline, story) == unsupported


@pytest.mark.parametrize("verb", ["Reports", "Issues", "Publishes", "Releases"])
def test_results_to_come_are_not_out_in_any_verb(verb: str) -> None:
    story = "Acme Corp. will issue its fourth quarter 2020 earnings release and financial supplement on February 10, 2021."
    assert not check_grounding(f"Acme {verb} Fourth Quarter 2020 Earnings", story).grounded
    issued = "Acme Corp. today issued its fourth quarter 2020 earnings release. Revenue rose 12% to $5.1 million."
    assert check_grounding(f"Acme {verb} Fourth Quarter 2020 Earnings", issued).grounded


def test_an_issue_or_a_publication_to_come_is_not_done() -> None:
    story = "Acme Corp. will issue its fourth quarter 2020 financial supplement after the market closes on February 8."
    assert check_grounding("Acme Issues Fourth Quarter 2020 Financial Supplement", story).unsupported == ["Issues"]
    assert check_grounding("Acme to Issue Fourth Quarter 2020 Financial Supplement", story).grounded
    issued = "Acme Corp. issued $50 million of convertible bonds on Monday and will issue more next year."
    assert check_grounding("Acme Issues $50 Million Convertible Bonds", issued).grounded
    report = "Acme Corp. plans to publish its annual sustainability report next month."
    assert check_grounding("Acme Publishes Annual Sustainability Report", report).unsupported == ["Publishes"]


#: A read-only review's probes of the seventeenth session's rules (legal actions, issues and publications, fiscal
#: years, a company's parenthesis, compounds, wire columns): true headlines its first forms flagged, false ones they
#: passed. Stories written for the test.
REVIEW_LEGAL_AND_ISSUES = [
    (
        "Widget Files Lawsuit Against Gadget Corp. Over Patent Infringement",
        "Widget Inc. (NASDAQ: WDGT), a maker of sensors, today announced that it has filed a lawsuit against Gadget Corp. The suit follows Gadget's earlier lawsuit against Widget. Widget is represented by Harlan & Pike LLP.",
        True,
    ),
    (
        "Veltrona Files Chapter 11 Petition to Restructure Debt",
        "Veltrona Holdings Inc., an oilfield services company, filed a voluntary Chapter 11 petition today. All claims against Veltrona are stayed. Harlan & Pike LLP is its counsel.",
        True,
    ),
    (
        "Widget Launches Investigation Into Data Breach",
        "Widget Corp. has launched an investigation into the breach. A class action lawsuit was filed against Widget by Harlan & Pike LLP.",
        True,
    ),
    (
        "Gadget Opens Investigation Into Supplier Practices",
        "Gadget Inc. said it opened a formal internal investigation into its suppliers. A lawsuit against Gadget by the law firm Harlan & Pike LLP is pending.",
        True,
    ),
    (
        "Widget Urges Shareholders to Vote FOR All Board Nominees",
        "In a letter to shareholders of Widget Inc., the Board urges a vote for all board nominees. The dissident filed a lawsuit; Widget is advised by Harlan & Pike LLP.",
        True,
    ),
    (
        "Attorney General Sues on Behalf of Veltrona Drivers",
        "The attorney general filed a lawsuit against Veltrona Inc. on behalf of drivers who worked for Veltrona. The state hired the law firm Harlan & Pike LLP.",
        True,
    ),
    (
        "Veltrona Issues Statement on Court Ruling",
        "Veltrona today released the following statement on the ruling. The company will issue further updates as needed.",
        True,
    ),
    (
        "Veltrona Publishes 2023 Sustainability Report",
        "Veltrona today released its 2023 Sustainability Report. It intends to publish the report annually.",
        True,
    ),
    ("Veltrona Issues 2025 Guidance", "Veltrona today provided guidance for 2025 and expects to issue an update in May.", True),
    (
        "Veltrona Comments on Supply Issues Ahead of Third Quarter Results",
        "Veltrona said supply chain issues persist. It will report its third quarter results on November 5.",
        True,
    ),
    ("Veltrona Addresses Billing Issues", "Veltrona addressed billing errors and will issue credits to customers.", True),
    (
        "Veltrona Reports Fourth Quarter and Fiscal 2020 Results; Provides Fiscal 2021 Outlook",
        "Veltrona Inc. today reported results for the fourth quarter and fiscal year ended December 27, 2020, and gave its outlook for fiscal 2021.",
        True,
    ),
    (
        "Veltrona Holdings Inc. (Formerly Known As Optiscan Mining) Begins Drilling",
        "Veltrona Holdings Inc. (formerly known as Optiscan Mining) began drilling today.",
        True,
    ),
    ("Veltrona Plc (In Administration) Sells Assets", "Veltrona Plc (in administration) sold its assets to Gadget.", True),
    ("X-Ray Specialist Opens Second Clinic", "The dental x-rays specialist opened a second clinic in Austin.", True),
    ("E-Bike Rental Service Launches in Austin", "The service, which rents e-bikes, launched in Austin on Monday.", True),
    ("420 With CNW \u2014 Texas House Passes Hemp Ban", "The Texas House passed a hemp ban on Tuesday.", True),
    ("CannabisNewsBreaks: Texas House Passes Hemp Ban", "The Texas House passed a hemp ban on Tuesday.", True),
    # false headlines that must still be caught
    (
        "Law Firm Files Lawsuit on Behalf of Acmex",
        "Harlan & Pike LLP filed a class action lawsuit on behalf of Acmex Inc.'s investors against Acmex Inc.",
        False,
    ),
    (
        "Veltrona Files Class Action on Behalf of Investors",
        "Harlan & Pike LLP filed a class action lawsuit against Veltrona Inc. Veltrona filed for Chapter 11 last year.",
        False,
    ),
    (
        "Veltrona Reports Third Quarter 2024 Results",
        "Veltrona will report its third quarter 2024 results on November 5. Risks and other issues could cause actual results to differ.",
        False,
    ),
    (
        "Veltrona Reports Fiscal 2021 Results",
        "Veltrona today reported results for the 53-week fiscal year ended January 2, 2021.",
        False,
    ),
    (
        "Acmex Sues Former Auditors",
        "Harlan & Pike LLP filed a lawsuit against Acmex Inc. on behalf of investors of Acmex.",
        False,
    ),
]


@pytest.mark.parametrize(("headline", "story", "grounded"), REVIEW_LEGAL_AND_ISSUES)
def test_review_probes_of_legal_actions_issues_and_years(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


def test_an_event_written_thousands_of_times_is_read_in_bounded_time() -> None:
    import time

    story = "we are excited to issue " * 8300
    started = time.process_time()  # this process's CPU time, so a busy machine does not fail it
    headline = "Veltrona Issues Alpha Reports, Issues Bravo Reports, Issues Charlie Reports, Issues Delta Reports, Issues Echo"
    check_grounding(headline, story)
    assert time.process_time() - started < 3  # 0.4 s here; 6 s before the mentions were capped


_BOUGHT_STORY = (
    "AUSTIN, Texas, May 4, 2026 -- Halverton Foods Inc. (NASDAQ: HLVF) today announced that it has completed the "
    "acquisition of Brisco Farms, a regional grain supplier. The transaction adds four mills to Halverton's network. "
    "Brisco Farms customers will see no change in service. About Halverton Foods: Halverton is a trusted partner to "
    "grocers across Texas."
)
_PARTNERED_STORY = (
    "AUSTIN, Texas, May 4, 2026 -- Halverton Foods Inc. today announced a strategic partnership with Brisco Farms to "
    "bring local grain to its stores. Shoppers can purchase Brisco Farms flour in every Halverton store from June. "
    "The two companies will work together on new products."
)


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        # a partnership told as a purchase, a merger or a stake: a deal the story never tells
        ("Halverton Foods Acquires Brisco Farms", _PARTNERED_STORY, ["Acquires"]),
        ("Halverton Foods to Acquire Brisco Farms to Expand Its Stores", _PARTNERED_STORY, ["to Acquire"]),
        ("Halverton Foods Merges With Brisco Farms", _PARTNERED_STORY, ["Merges With"]),
        ("Halverton Foods Acquires Majority Stake in Brisco Farms", _PARTNERED_STORY, ["Acquires Majority Stake in"]),
        ("Halverton Foods and Brisco Farms to Merge", _PARTNERED_STORY, ["to Merge"]),
        ("Halverton Foods Partners With Brisco Farms", _PARTNERED_STORY, []),
        ("Halverton Foods and Brisco Farms Join Forces", _PARTNERED_STORY, []),
        # a purchase told as a partnership hides the deal; the boilerplate's "trusted partner" does not name Brisco
        ("Halverton Foods Acquires Brisco Farms", _BOUGHT_STORY, []),
        # a merger told as the two businesses combining to become a third (met in an EDTSum hand-read, session 43)
        (
            "Delta Lending and Brisco Farms Join Forces to Transform Farm Credit",
            "Halverton Foods LLC and Brisco Farms LLC today announced their businesses will combine to become Delta "
            "Lending, a farm credit platform.",
            ["Join Forces"],
        ),
        (
            "Halverton Foods and Brisco Farms Combine to Become Delta Lending",
            "Halverton Foods LLC and Brisco Farms LLC today announced their businesses will combine to become Delta "
            "Lending, a farm credit platform.",
            [],
        ),
        ("Halverton Foods Partners With Brisco Farms", _BOUGHT_STORY, ["Partners With"]),
        (
            "Halverton Foods Announces Strategic Partnership With Brisco Farms",
            _BOUGHT_STORY,
            ["Announces Strategic Partnership With"],
        ),
        ("Halverton Foods and Brisco Farms Join Forces to Grow in Texas", _BOUGHT_STORY, ["Join Forces"]),
        # a capital is a name's, no partnership: "Summit Grain Partners" was bought
        (
            "Halverton Foods Partners With Summit Grain Partners",
            "Halverton Foods has acquired Summit Grain Partners, a grain broker. The deal closed on Friday.",
            ["Partners With"],
        ),
        # a purchase over a story of no partnership is left to the other checks: the thing bought, a results story
        (
            "Halverton Foods Acquires Rights to Develop Drought-Tolerant Wheat",
            "Halverton Foods announced that it acquired exclusive rights to two new seed lines.",
            [],
        ),
        ("Halverton Foods Buys Bitcoin Worth $5 Million", "Halverton Foods said it bought 50 Bitcoin for its treasury.", []),
        ("3 Grain Stocks to Buy Now", "Analysts like three grain stocks this spring; one partners with Brisco Farms.", []),
        # a customer's purchase, customers won over: no company bought
        (
            "Halverton Foods Acquires Brisco Farms",
            "Halverton Foods teams up with Brisco Farms. Customers can purchase Brisco Farms products online.",
            ["Acquires"],
        ),
        (
            "Halverton Foods Acquires Brisco Farms",
            "Halverton Foods announced a partnership with Brisco Farms. It will help Brisco Farms acquire new customers.",
            ["Acquires"],
        ),
        # the partnership's own deal, in the headline: "to Acquire Norland", "in $2 Billion Merger"
        (
            "Harlow Equity Partners With Temasek to Acquire Norland Logistics",
            "Harlow Equity and Temasek have agreed to acquire Norland Logistics for $2.1 billion.",
            [],
        ),
    ],
)
def test_a_deal_is_told_as_the_kind_the_story_tells(headline: str, story: str, unsupported: list[str]) -> None:
    assert unsupported_claims(headline, story) == unsupported


#: A read-only review's probes of the deal rule (a helper session that wrote its own true and false pairs): true
#: deals told in other words (a stake, "combine", "closed on", "became part of", "the Company" after one mention, an
#: investment, customers or land acquired, a third party's past purchase), and partnerships told as purchases.
REVIEW_DEALS = [
    (
        "Norvale Systems Completes Acquisition of Tessary Labs",
        "BOSTON, March 3, 2025 -- Norvale Systems Inc. (NYSE: NVS) today announced that it has closed its previously announced transaction with Tessary Labs. Tessary Labs is now a wholly owned subsidiary of Norvale. Tessary's 80 employees will remain in Cambridge.",
        True,
    ),
    (
        "Ardent Capital Acquires Corvina Foods",
        "Ardent Capital today announced it has taken a 70% controlling stake in Corvina Foods, a Chicago-based maker of frozen pasta. Corvina's founders will retain the remaining 30%. Terms were not disclosed.",
        True,
    ),
    (
        "Helix Bancorp to Merge With Prairie State Bank",
        "Helix Bancorp and Prairie State Bank today announced a definitive agreement to combine in an all-stock transaction valued at $410 million. Prairie State shareholders will receive 0.82 shares of Helix for each share they own. The combined bank will have $6 billion in assets.",
        True,
    ),
    (
        "Stellan Motors Buys Ridgeway Battery for $300 Million",
        "Stellan Motors has agreed to pay $300 million in cash for Ridgeway Battery, the Nevada cell maker. Ridgeway will keep its brand. The deal is expected to close in the third quarter.",
        True,
    ),
    (
        "Orvix Pharma to Acquire Kelmont Therapeutics for $1.2 Billion",
        'Kelmont Therapeutics, Inc. ("Kelmont" or the "Company") today announced it has entered into a definitive agreement with Orvix Pharma. The Company develops treatments for rare kidney diseases. Its lead program is in Phase 3. Under the terms of the agreement, Orvix will acquire all of the Company\'s outstanding shares for $1.2 billion in cash.',
        True,
    ),
    (
        "Kestrel Mining to Acquire Boorawa Gold via Scheme of Arrangement",
        "Kestrel Mining Ltd and Boorawa Gold Ltd have signed a scheme implementation deed. Under the scheme, Boorawa shareholders will receive one Kestrel share for every 3.5 Boorawa shares held. On completion, Boorawa will become a wholly owned subsidiary of Kestrel.",
        True,
    ),
    (
        "Brightwell Acquires Osterly Analytics",
        "Brightwell Inc. today announced an agreement with Osterly Analytics, a Denver firm. Osterly builds forecasting software for utilities. Its tools are used by 40 providers. Its team of 60 will report to Brightwell's CTO. The acquisition closed on June 1.",
        True,
    ),
    (
        "Ironbridge Partners Acquires Talbot Manufacturing",
        "Ironbridge Partners, a Chicago private equity firm, today announced its investment in Talbot Manufacturing. Ironbridge will partner with Talbot's management team to grow the business. Talbot makes precision valves.",
        True,
    ),
    (
        "Ferro Apparel Buys Lumen Denim",
        "Ferro Apparel has snapped up Lumen Denim, the Los Angeles jeans label, for an undisclosed sum. Lumen's founder will stay on as creative director.",
        True,
    ),
    (
        "Vantor Partners With Clearpath Lending to Help Banks Acquire Customers",
        "Vantor today said it is working with Clearpath Lending to help community banks acquire and retain customers. Clearpath's clients will gain access to Vantor's onboarding tools.",
        True,
    ),
    (
        "Streamly Teams Up With Olio Media",
        "Streamly will team with Olio Media to drive subscriber acquisition across Latin America. Olio Media will bundle Streamly in its apps.",
        True,
    ),
    (
        "Orbis Steel and Nakamura Metals Join Forces",
        "Orbis Steel and Nakamura Metals will form a 50-50 venture to build a mill in Ohio. Nakamura Metals will acquire land for the plant this year.",
        True,
    ),
    (
        "Redwood Health Partners With Summit Capital",
        "Redwood Health announced Summit Capital will provide growth financing. Summit Capital acquired a majority stake in Redwood's rival Elm Care in 2021 and also backs Birch Labs.",
        True,
    ),
    (
        "Nuvolo Collaborates With Arkin Pharma",
        "Nuvolo will use its AI platform to design molecules for Arkin Pharma. Arkin Pharma, which acquired Bexor in 2022, will fund the research.",
        True,
    ),
    (
        "Medix Acquires CareLine Pharmacy",
        "CareLine Pharmacy, a 12-store chain in Florida, has become part of Medix. CareLine stores will be rebranded later this year.",
        True,
    ),
    (
        "Alder Bank Merges With Fenwick Savings",
        "Alder Bank and Fenwick Savings have agreed to join together under the Alder name. The merged bank will have 30 branches.",
        True,
    ),
    (
        "Greyline Partners With Ortho Cloud",
        "Greyline today announced it will integrate its imaging software into Ortho Cloud's practice platform. Ortho Cloud, acquired by Vesta Group in 2023, serves 9,000 dental practices. The partnership begins in July.",
        True,
    ),
    (
        "Trident Capital Partners With Management to Acquire Beacon Plastics",
        "Trident Capital, together with Beacon Plastics' management team, has acquired Beacon Plastics from its founding family. Beacon makes food-grade containers.",
        True,
    ),
    (
        "Harlow Equity Partners With Temasek to Acquire Norland Logistics",
        "Harlow Equity and Temasek have agreed to acquire Norland Logistics for $2.1 billion. Harlow will hold 60% and Temasek 40%.",
        True,
    ),
    (
        "Alvara and Bexley Join Forces in $2 Billion Merger",
        "Alvara Corp. and Bexley Inc. today announced a definitive agreement to merge in an all-stock transaction valued at $2 billion. The combined company will be called Alvara Bexley.",
        True,
    ),
    (
        "Corvex Partners With Lindqvist Robotics",
        "Corvex has chosen Lindqvist Robotics to supply picking robots for its 40 warehouses. Lindqvist Robotics, a Hanwa Group company since its 2022 acquisition, will install the first units in May.",
        True,
    ),
    (
        "Medfield Teams Up With Arcturus Labs",
        "Medfield Health is working with Arcturus Labs on a diabetes screening program. Arcturus Labs will process samples, and Medfield will buy the test kits in bulk; Medfield plans to purchase 50,000 units this year.",
        True,
    ),
    (
        "Solen Energy Partners With GridNova on Battery Storage",
        "Solen Energy has selected GridNova as its battery storage provider. GridNova will acquire land and build 200 MW of storage at Solen's sites.",
        True,
    ),
    (
        "Halcyon Retail Acquires Brightleaf Organics",
        "Halcyon Retail today announced a strategic partnership with Brightleaf Organics. Under the agreement, Halcyon will stock Brightleaf products in 300 stores. The partnership is expected to help Brightleaf acquire new customers in the Midwest.",
        False,
    ),
    (
        "Halcyon Retail Agrees to Buy Brightleaf Organics",
        "Halcyon Retail today announced a strategic partnership with Brightleaf Organics. Under the agreement, Halcyon will stock Brightleaf products in 300 stores. The partnership is expected to help Brightleaf acquire new customers in the Midwest.",
        False,
    ),
    (
        "Halcyon Retail Takes Over Brightleaf Organics",
        "Halcyon Retail today announced a strategic partnership with Brightleaf Organics. Under the agreement, Halcyon will stock Brightleaf products in 300 stores. The partnership is expected to help Brightleaf acquire new customers in the Midwest.",
        False,
    ),
    (
        "Halcyon Retail Inks Deal to Acquire Brightleaf Organics",
        "Halcyon Retail today announced a strategic partnership with Brightleaf Organics. Under the agreement, Halcyon will stock Brightleaf products in 300 stores. The partnership is expected to help Brightleaf acquire new customers in the Midwest.",
        False,
    ),
    (
        "Halcyon Retail, Brightleaf Organics to Merge",
        "Halcyon Retail today announced a strategic partnership with Brightleaf Organics. Under the agreement, Halcyon will stock Brightleaf products in 300 stores. The partnership is expected to help Brightleaf acquire new customers in the Midwest.",
        False,
    ),
    (
        "Halcyon Retail and Brightleaf Organics Announce Merger",
        "Halcyon Retail today announced a strategic partnership with Brightleaf Organics. Under the agreement, Halcyon will stock Brightleaf products in 300 stores. The partnership is expected to help Brightleaf acquire new customers in the Midwest.",
        False,
    ),
    (
        "Halcyon Retail Acquires Stake in Brightleaf Organics",
        "Halcyon Retail today announced a strategic partnership with Brightleaf Organics. Under the agreement, Halcyon will stock Brightleaf products in 300 stores. The partnership is expected to help Brightleaf acquire new customers in the Midwest.",
        False,
    ),
    (
        "Pembrook Industries Partners With Wexley Controls",
        "Pembrook Industries today announced the acquisition of Wexley Controls. Wexley will join Pembrook's automation unit.",
        False,
    ),
    (
        "Pembrook Industries Teams With Wexley Controls",
        "Pembrook Industries today announced the acquisition of Wexley Controls. Wexley will join Pembrook's automation unit.",
        False,
    ),
    (
        "Pembrook Industries, Wexley Controls Join Forces",
        "Pembrook Industries today announced the acquisition of Wexley Controls. Wexley will join Pembrook's automation unit.",
        False,
    ),
    (
        "Pembrook Industries Signs MoU With Wexley Controls",
        "Pembrook Industries today announced the acquisition of Wexley Controls. Wexley will join Pembrook's automation unit.",
        False,
    ),
    (
        "Pembrook Industries Forms Joint Venture With Wexley Controls",
        "Pembrook Industries today announced the acquisition of Wexley Controls. Wexley will join Pembrook's automation unit.",
        False,
    ),
    (
        "Pembrook and Wexley Partner on Industrial Sensors",
        "Pembrook Industries today announced the acquisition of Wexley Controls. Wexley will join Pembrook's automation unit.",
        False,
    ),
    (
        "Pembrook Industries Announces Collaboration With Wexley Controls",
        "Pembrook Industries today announced the acquisition of Wexley Controls. Wexley will join Pembrook's automation unit.",
        False,
    ),
]


@pytest.mark.parametrize(("headline", "story", "grounded"), REVIEW_DEALS)
def test_review_probes_of_deals(headline: str, story: str, grounded: bool) -> None:
    assert (deal_misstated(headline, story) == []) is grounded


def test_the_extractive_lead_of_a_deal_story_passes() -> None:
    for story in (_BOUGHT_STORY, _PARTNERED_STORY):
        assert check_grounding(extractive_headline(story), story).grounded


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        # talks with no agreement, said outright: "no agreement", "have not signed"
        (
            "Halverton Foods Agrees to Acquire Brisco Farms",
            "Halverton Foods is in talks to acquire Brisco Farms, people familiar said. No agreement has been reached.",
            ["Agrees"],
        ),
        (
            "Halverton Foods Signs Deal to Acquire Brisco Farms",
            "Halverton Foods is in talks to acquire Brisco Farms. The companies have not signed a definitive agreement.",
            ["Signs"],
        ),
        (
            "Halverton Foods Agrees to Acquire Brisco Farms",
            "Halverton Foods was in talks with two bidders and has now entered into a definitive agreement to acquire Brisco Farms.",
            [],
        ),
    ],
)
def test_a_done_word_the_story_denies_is_no_support(headline: str, story: str, unsupported: list[str]) -> None:
    assert unsupported_claims(headline, story) == unsupported


_PROPOSED_OFFERING = (
    "Halverton Foods Inc. today announced that it has commenced a proposed underwritten public offering of its common "
    "stock. The offering is subject to market conditions, and there can be no assurance as to whether or when the "
    "offering may be completed."
)


@pytest.mark.parametrize(
    ("headline", "story", "unsupported"),
    [
        ("Halverton Foods Prices Public Offering of Common Stock", _PROPOSED_OFFERING, ["Prices"]),
        ("Halverton Foods Closes Public Offering of Common Stock", _PROPOSED_OFFERING, ["Closes"]),
        ("Halverton Foods Announces Proposed Public Offering of Common Stock", _PROPOSED_OFFERING, []),
        (
            "Halverton Foods Prices $50 Million Public Offering",
            "Halverton Foods Inc. today announced the pricing of its $50 million underwritten public offering, "
            "previously proposed on Monday. The offering is expected to close on May 5.",
            [],
        ),
        ("Grain Prices Rise on Export Demand", "Grain prices rose on export demand. A proposed rule is pending.", []),
    ],
)
def test_an_offering_only_proposed_is_neither_priced_nor_closed(headline: str, story: str, unsupported: list[str]) -> None:
    assert unsupported_claims(headline, story) == unsupported


#: A second read-only review's probes (a helper session's own pairs): offerings priced in other words ("set the price
#: of its IPO", "issue price", "sold ... at $26 each"), "Prices" of eggs and cars, awards and deals whose stories deny
#: something else ("We would not have won without", "not only won", "has not signed contracts with them"), and
#: offerings and deals only proposed, expected to price or in talks.
REVIEW_OFFERINGS_AND_DENIALS = [
    (
        "Kestrel Labs Prices IPO at $18 Per Share",
        "Kestrel Labs set the price of its initial public offering at $18 per share, the top of the proposed range of $16 to $18. The company is selling 12 million shares, raising $216 million. Its stock is expected to begin trading on the Nasdaq on Thursday under the symbol KSTL.",
        True,
    ),
    (
        "Harrowgate Energy Prices $600 Million Senior Notes",
        "Harrowgate Energy has agreed to sell $600 million of 6.125% senior notes due 2032 at an issue price of 99.4% of par. The notes offering, upsized from the previously proposed $500 million, is expected to settle on Oct. 14.",
        True,
    ),
    (
        "Altamira Software Prices IPO Above Range",
        "Altamira Software sold 20 million shares in its initial public offering at $26 each, above the marketed range of $22 to $24, raising $520 million. Trading in Altamira shares commenced Friday on the New York Stock Exchange under the symbol ALTM.",
        True,
    ),
    (
        "Egg Prices Drop as Bird Flu Outbreaks Ease",
        "The average retail price of a dozen large eggs fell 18% in April to $3.90, the Labor Department said. Wholesale costs have eased as bird flu outbreaks waned, and a proposed import program has added supply.",
        True,
    ),
    (
        "Volta Motors Prices New Compact EV at $29,990",
        "Volta Motors set the starting price of its new compact EV, the Volta One, at $29,990 before incentives. Deliveries commenced in Europe in March and will begin in the U.S. in the fall.",
        True,
    ),
    (
        "Gasoline Prices Climb Ahead of Summer Driving Season",
        "The national average price of regular gasoline rose 6 cents in a week to $3.48 a gallon, AAA said. The summer driving season commenced with Memorial Day weekend.",
        True,
    ),
    (
        "Nuvia Robotics Wins Best Industrial Robot Award at Automate 2026",
        'Nuvia Robotics took home the Best Industrial Robot award at Automate 2026 in Detroit, beating out five other finalists. The judges cited its vision-guided picking arm. "We would not have won without our engineering team," said CEO Maya Lindqvist.',
        True,
    ),
    (
        "Corral Analytics Wins 2026 Data Innovation Award",
        "Corral Analytics took the top prize at the 2026 Data Innovation Awards, besting a field of 14 finalists. Corral had never won the award in four previous years as a nominee.",
        True,
    ),
    (
        "Pellham Foods Wins Gold at 2026 Stevie Awards",
        "Pellham Foods was a finalist in three categories at the 2026 Stevie Awards and not only won gold for Best New Product but also took silver for Customer Service Team of the Year.",
        True,
    ),
    (
        "Acmera Completes Sale of Canadian Unit",
        "Acmera Group said it has wrapped up the sale of its Canadian unit to Borealis Partners for C$300 million. The sale of its Mexican operations, which remains pending regulatory review, has not yet closed.",
        True,
    ),
    (
        "Halden Signs Steel Supply Deal With Corvus Steel",
        "Halden Group inked a five-year steel supply contract with Corvus Steel worth about $300 million. Halden said it is in talks with two other suppliers but has not signed contracts with them yet.",
        True,
    ),
    (
        "Tamsin Diagnostics Receives CE Mark for SepsiQ Test",
        "Tamsin Diagnostics' SepsiQ rapid sepsis test has been CE marked under the EU's IVDR, following the company's submission in 2025. The test, which could be approved in the U.S. next year, gives results in 30 minutes.",
        True,
    ),
    (
        "Halden Group Agrees to Sell Marine Unit to Corvus Partners",
        "Halden Group struck a deal to sell its marine unit to Corvus Partners for $1.2 billion, ending months of evaluating options for the business. Halden said it would not have agreed to a lower price.",
        True,
    ),
    (
        "Brenner Logistics Completes Acquisition of Fastway Couriers",
        "Brenner Logistics has acquired Fastway Couriers for $85 million. The purchase price is subject to customary post-closing adjustments. Fastway founder Ian Reyes said the deal could not have closed at a better time.",
        True,
    ),
    (
        "European Commission Approves Velora's Zantrix for Rare Kidney Disease",
        "The European Commission has granted a conditional marketing authorisation to Velora Pharma's Zantrix for a rare kidney disease, following a positive CHMP opinion in March. Zantrix is for adults who could not tolerate approved therapies.",
        True,
    ),
    (
        "Varden Therapeutics Prices $150 Million Public Offering",
        "Varden Therapeutics announced that it intends to offer $150 million of its common stock in an underwritten public offering. The final terms, including pricing, will be determined by negotiations with the underwriters. The offering is subject to market conditions.",
        False,
    ),
    (
        "Kestrel Labs Prices IPO",
        "Kestrel Labs launched the roadshow for its initial public offering of 12 million shares, which are expected to be priced between $16 and $18 each.",
        False,
    ),
    (
        "Harrowgate Energy Prices $600 Million Senior Notes",
        "Harrowgate Energy has launched an offering of $600 million of senior notes due 2032. The notes are expected to price on Thursday.",
        False,
    ),
    (
        "Brenner Logistics Completes Acquisition of Fastway Couriers",
        "Brenner Logistics has agreed to acquire Fastway Couriers. The transaction may be completed in the fourth quarter, subject to regulatory approval.",
        False,
    ),
    (
        "Halden Group Agrees to Buy Corvus Steel",
        "Halden Group is in talks to buy Corvus Steel. Halden has not agreed on a price, the company said.",
        False,
    ),
]


@pytest.mark.parametrize(("headline", "story", "grounded"), REVIEW_OFFERINGS_AND_DENIALS)
def test_review_probes_of_offerings_and_denials(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


def test_a_headline_repeating_a_done_word_reads_the_story_once() -> None:
    import time

    story = ("The proposed offering may be completed; no agreement was signed. " * 3100)[:200000]
    started = time.process_time()  # CPU time: a busy machine does not fail it
    check_grounding("Prices Public Offering " * 100, story)
    assert time.process_time() - started < 4  # 0.7 s here; 3.4 s when each "Prices" read the story's done words again


#: Written by a read-only review session (2026-12-06): releases that only date their results, and results releases
#: that also tell of results or calls to come. The first four were passed before the results rules read a date told
#: after the word "results"; the fifth was flagged before the headline's own call was read as its thing.
REVIEW_RESULTS_DATES = [
    (
        "Halvorsen Biotherapeutics Announces Third Quarter 2020 Financial Results",
        "SAN DIEGO, Oct. 14, 2020 /PRNewswire/ -- Halvorsen Biotherapeutics, Inc. (Nasdaq: HLVB), a clinical-stage company developing antibody therapies for fibrotic disease, announced today that its third quarter 2020 financial results will be released after the market close on Wednesday, November 4, 2020. Management will host a conference call and live audio webcast at 4:30 p.m. Eastern Time that day to discuss the results and provide a corporate update. Participants may access the call by dialing (866) 555-0142 (domestic) or (412) 555-0187 (international) and referencing conference ID 7314802. A replay of the webcast will be available on the Investors section of the company's website for 30 days.",
        False,
    ),
    (
        "Quillon Therapeutics Announces Q2 2020 Financial Results",
        'CAMBRIDGE, Mass., July 9, 2020 /GlobeNewswire/ -- Quillon Therapeutics, Inc. (Nasdaq: QLTX) has scheduled the release of its Q2 2020 financial results for Tuesday, July 28, 2020, after the close of the financial markets. Company management will host a conference call and webcast at 4:30 p.m. ET that day to review the results and recent pipeline progress, including the initiation of the Phase 1b study of QL-414 in solid tumors. The live webcast can be accessed under "Events" in the Investors section of www.quillontx.com.',
        False,
    ),
    (
        "Ashgrove Financial Reports Second Quarter 2020 Earnings",
        "LITTLE ROCK, Ark., July 2, 2020 /PRNewswire/ -- Second quarter 2020 earnings for Ashgrove Financial Corp. (Nasdaq: ASHF) will be released on Tuesday, July 21, 2020, after the market closes, followed by a conference call with analysts and investors at 8:00 a.m. Central Time on Wednesday, July 22. Chairman and CEO Garrett Lowe and Chief Financial Officer Ann Sorensen will lead the call. The dial-in number is 1-800-555-0107; the conference ID is Ashgrove. The earnings release will be available on the company's website.",
        False,
    ),
    (
        "Redfield Logistics Posts Fourth Quarter and Full Year 2020 Earnings",
        "ATLANTA, Jan. 14, 2021 /GlobeNewswire/ -- Redfield Logistics, Inc. (NYSE: RDLG) announced that earnings results for the fourth quarter and full year 2020 are scheduled to be released before the market opens on Thursday, February 4, 2021. The company's management team will host a conference call and webcast at 8:30 a.m. ET that same morning. Redfield will also post supplemental financial information to its investor relations website at the time of the release.",
        False,
    ),
    (
        "Kestrel Aerospace Announces Third Quarter 2020 Earnings Conference Call",
        "HARTFORD, Conn., Oct. 15, 2020 /BusinessWire/ -- Kestrel Aerospace Holdings, Inc. (NYSE: KSTL) said today that third quarter 2020 results, along with the company's updated outlook for the remainder of the year, will be discussed on a conference call at 8:30 a.m. ET on Thursday, November 5, 2020. The earnings release will be issued earlier that morning, before the New York Stock Exchange opens. The conference call will be broadcast live over the internet at investors.kestrelaero.com. Listeners should register at least 15 minutes before the call.",
        True,
    ),
    (
        "Halvorsen Biotherapeutics to Report Third Quarter 2020 Financial Results on November 4",
        "SAN DIEGO, Oct. 14, 2020 /PRNewswire/ -- Halvorsen Biotherapeutics, Inc. (Nasdaq: HLVB), a clinical-stage company developing antibody therapies for fibrotic disease, announced today that its third quarter 2020 financial results will be released after the market close on Wednesday, November 4, 2020. Management will host a conference call and live audio webcast at 4:30 p.m. Eastern Time that day to discuss the results and provide a corporate update. Participants may access the call by dialing (866) 555-0142 (domestic) or (412) 555-0187 (international) and referencing conference ID 7314802. A replay of the webcast will be available on the Investors section of the company's website for 30 days.",
        True,
    ),
    (
        "Sunridge Semiconductor Reports Third Quarter 2020 Results",
        'SANTA CLARA, Calif., Oct. 28, 2020 /BusinessWire/ -- Sunridge Semiconductor, Inc. (Nasdaq: SNRG) today reported results for its third quarter ended September 26, 2020. Revenue was $148.3 million, up 22% from the prior year, driven by strong demand for data center power management products. GAAP net income was $18.9 million, or $0.41 per diluted share, compared with $11.2 million, or $0.25 per diluted share, a year ago. "We delivered record quarterly revenue despite supply constraints," said CEO Priya Raman. The company will host a conference call today at 5:00 p.m. ET to discuss these results. Fourth quarter results are expected to be released in late January 2021. For the fourth quarter, Sunridge expects revenue of $150 million to $158 million.',
        True,
    ),
    (
        "Harborview Health Announces Fourth Quarter and Full Year 2020 Financial Results",
        "NASHVILLE, Tenn., Feb. 24, 2021 /PRNewswire/ -- Harborview Health Systems, Inc. (NYSE: HBVH) today announced financial results for the fourth quarter and full year ended December 31, 2020. For the fourth quarter, net revenue totaled $912.4 million compared with $874.0 million in the fourth quarter of 2019. Net income attributable to Harborview was $41.7 million, or $1.02 per diluted share. For the full year, net revenue was $3.48 billion and adjusted EBITDA was $402.6 million. Full results will be included in the Company's Annual Report on Form 10-K, which it expects to file with the SEC on or before March 1, 2021.",
        True,
    ),
    (
        "Cobalt Ridge Energy Announces Third Quarter 2020 Results",
        "TULSA, Okla., Nov. 3, 2020 /BusinessWire/ -- Cobalt Ridge Energy, Inc. (NYSE: CRE) today reported third quarter 2020 results. Net production averaged 62,400 barrels of oil equivalent per day, and the company generated $71 million of free cash flow. Cobalt Ridge reported net income of $12.5 million, or $0.13 per diluted share, and adjusted net income of $0.19 per share. As previously announced, the company's third quarter results conference call will be held today at 10:00 a.m. Central Time. Cobalt Ridge also reaffirmed its full-year capital budget of $410 million.",
        True,
    ),
    (
        "Lindqvist Foods Posts 2020 Earnings, Operating Profit Rises to EUR 48.2 Million",
        "HELSINKI, Finland, Feb. 18, 2021 /GlobeNewswire/ -- Lindqvist Foods Oyj (Nasdaq Helsinki: LINDQ) posted operating profit of EUR 48.2 million for 2020, up from EUR 39.5 million in 2019, as retail demand for packaged foods rose during the pandemic. Net sales increased 7.4% to EUR 812 million. Earnings per share were EUR 0.93. The Board proposes a dividend of EUR 0.55 per share. Detailed segment results and the Board of Directors' report will be presented at the Annual General Meeting on 22 April 2021, and the annual report will be published during week 11.",
        True,
    ),
    (
        "Dunmore Instruments Posts Fiscal 2020 Fourth Quarter and Full Year Results",
        "ROCHESTER, N.Y., Dec. 3, 2020 /PRNewswire/ -- Dunmore Instruments Corp. (Nasdaq: DNMR) today posted results for the fourth quarter and full fiscal year ended September 30, 2020. Fourth quarter sales were $56.7 million, compared with $61.3 million last year, and net income was $4.1 million, or $0.35 per share. Full-year sales were $221.9 million. In this results announcement, the company also provided an update on its Nevada facility consolidation, which is expected to be completed in mid-2021. First quarter fiscal 2021 results will be announced in early February.",
        True,
    ),
    (
        "Brightwell Education Group Announces Unaudited First Half 2020 Results",
        "LONDON, Sept. 15, 2020 /PRNewswire/ -- Brightwell Education Group plc (LSE: BWEG) today announced its unaudited results for the six months ended 30 June 2020. Revenue was £142.6 million (H1 2019: £151.0 million), with strong growth in online courses partly offsetting the closure of campuses in the spring. Adjusted operating profit was £19.4 million and basic earnings per share were 8.1 pence. The Board has declared an interim dividend of 2.0 pence per share. Full year results are expected to be released in March 2021.",
        True,
    ),
    (
        "Oakhurst Homebuilders Posts Q4 Earnings Ahead of Estimates",
        'SCOTTSDALE, Ariz., Jan. 27, 2021 /PRNewswire/ -- Oakhurst Homebuilders, Inc. (NYSE: OAKH) today posted fourth quarter 2020 net income of $88.6 million, or $1.31 per diluted share, exceeding the analyst consensus estimate of $1.12. Home closing revenue rose 24% to $1.02 billion and net orders increased 41%. "Housing demand remained exceptionally strong throughout the quarter," said CEO Theresa Vance. The company expects to close between 3,100 and 3,300 homes in the first quarter of 2021, and first quarter results will be released in late April.',
        True,
    ),
    (
        "Verity Labs Announces Fourth Quarter 2020 Results; Will Host Conference Call Tomorrow",
        "BOSTON, Feb. 16, 2021 /BusinessWire/ -- Verity Labs, Inc. (Nasdaq: VRTL) today announced its fourth quarter and full year 2020 results. Fourth quarter revenue was $38.9 million, up 57% from the fourth quarter of 2019, driven by demand for its laboratory automation software. Net loss for the quarter was $7.4 million. Full-year revenue was $129.0 million. Verity Labs will host a conference call tomorrow, February 17, 2021, at 8:30 a.m. ET to discuss the results. The company will provide 2021 guidance on the call.",
        True,
    ),
]


ANOTHER_QUARTERS_RESULTS = [
    # results given of another quarter are not the headline's: the release dates the second quarter's
    (
        "Pemberton Bancorp Reports Second Quarter 2025 Results",
        "CHARLOTTE, N.C., July 8, 2025 /PRNewswire/ -- Pemberton Bancorp (NASDAQ: PMBC) today announced that it will "
        "release its second quarter 2025 financial results after the market closes on Thursday, July 24, 2025. For the "
        'first quarter of 2025, the company posted net income of $14.2 million, or $0.81 per diluted share. "We look '
        'forward to updating investors on our progress in the second quarter," said its chief executive.',
        False,
    ),
    (
        "Pemberton Bancorp to Release Second Quarter 2025 Results on July 24",
        "CHARLOTTE, N.C., July 8, 2025 /PRNewswire/ -- Pemberton Bancorp (NASDAQ: PMBC) today announced that it will "
        "release its second quarter 2025 financial results after the market closes on Thursday, July 24, 2025. For the "
        "first quarter of 2025, the company posted net income of $14.2 million, or $0.81 per diluted share.",
        True,
    ),
    # a quarter it is compared with is no other quarter's results, and a sentence's start is its own
    (
        "Acme Posts Second-Quarter Earnings",
        "BOSTON, Aug. 5, 2025 (Wire) -- Acme Corp said on Tuesday that its second-quarter profit beat expectations. Net "
        "income rose to $5.1 million from $4.2 million in the first quarter. Acme will report third-quarter results in "
        "November.",
        True,
    ),
    (
        "Acme Reports Q2 Earnings",
        "BOSTON, Aug. 5, 2025 (Wire) -- Acme Corp said on Tuesday it returned to profit in the second quarter. It had "
        "lost money in the first quarter. Revenue was $45.2 million. Acme will report third-quarter results in November.",
        True,
    ),
    # the story speaks of the headline's quarter as it stands, and compares with another "on" it
    (
        "Acme Posts Second-Quarter Earnings",
        "BOSTON, Aug. 5, 2025 (Wire) -- Acme Corp said on Tuesday its second-quarter profit beat analysts' estimates. "
        "Net income for the first half rose 20% to $10 million. Acme will report third-quarter results in November.",
        True,
    ),
    (
        "Acme Posts Second-Quarter Earnings",
        "BOSTON, Aug. 5, 2025 (Wire) -- Acme Corp said on Tuesday its second-quarter profit beat analysts' estimates. "
        "Revenue rose to $45.2 million, up 5% on the first quarter. Acme will report third-quarter results in November.",
        True,
    ),
    # results to come are still to come when another quarter's are given
    (
        "Acme to Report Q2 Results",
        "Acme Corp. reported net income of $14.2 million for the first quarter of 2025. Second-quarter revenue is "
        "expected to be $50 million.",
        False,
    ),
    # a fiscal quarter is the company's own: its fourth may end in June
    (
        "Acme Posts Fiscal Fourth-Quarter Earnings",
        "BOSTON, Aug. 5, 2025 (Wire) -- Acme Corp said on Tuesday its fiscal fourth quarter was the strongest in its "
        "history. The company said net income for the three months ended June 30, 2025 rose 12% to $5.1 million, while "
        "revenue rose 8% to $45.2 million. Acme will report first-quarter fiscal 2026 results in November.",
        True,
    ),
]


@pytest.mark.parametrize(("headline", "story", "grounded"), ANOTHER_QUARTERS_RESULTS)
def test_results_given_of_another_quarter_are_not_the_headlines(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


@pytest.mark.parametrize(("headline", "story", "grounded"), REVIEW_RESULTS_DATES)
def test_review_probes_of_results_dates(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


_TALKS = (
    "NEW YORK, Feb 26 (Wire) - Corvane Therapeutics is in advanced talks to acquire Lumora Bio Inc for about $4.5 "
    "billion, people familiar with the matter said on Monday. An agreement could be announced as soon as next week, "
    "though talks could still fall apart, the people said. Corvane and Lumora declined to comment."
)
_TALKS_DONE = (
    "NEW YORK, Feb 26 (Wire) - Corvane Therapeutics will buy Lumora Bio Inc for $4.5 billion in cash, the companies "
    "said on Monday, confirming a report that the two were in advanced talks. The agreement may be terminated if "
    "regulators object."
)
DEALS_ONLY_SAID_BY_SOURCES = [
    ("Corvane in advanced talks to buy Lumora Bio for $4.5 bln - sources", _TALKS, []),
    ("Corvane agrees to buy Lumora Bio for $4.5 bln - sources", _TALKS, ["agrees"]),
    # talks over its own business, beside the deal agreed, are not this deal's
    (
        "Acme Agrees to Sell Gamma Unit to Beta for $500 Million",
        "Acme Corp said on Monday it would sell its Gamma unit to Beta Inc for $500 million in cash. The sale of Gamma "
        "is expected to close in the fourth quarter. Acme is in advanced talks to sell its Delta business as well.",
        [],
    ),
    # talks that were, and what an agreement made may yet do, leave it agreed
    ("Corvane agrees to buy Lumora Bio for $4.5 bln", _TALKS_DONE, []),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), DEALS_ONLY_SAID_BY_SOURCES)
def test_a_deal_only_talked_of_is_not_agreed(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported


#: A read-only review's probes of the purchase-done, purchase-announced and sale rules (session 43): deals still to
#: come in words of completing ("expects to complete the acquisition"), a buyer's other purchases, a plan of one of
#: many, a seller's own earlier purchase before its exit; and the wordings the rules must still catch.
REVIEW_PURCHASES_AND_SALES = [
    # (headline, story, expected flagged?)
    (
        "Acme to Acquire Beta Inc.",
        "Acme Corp. reached a deal for Beta Inc. on Monday and expects to complete the acquisition of Beta in the third quarter.",
        False,
    ),
    (
        "Acme to Buy Beta Inc.",
        'Acme Corp. has reached a $300 million deal for Beta Inc. "We look forward to completing the acquisition of Beta."',
        False,
    ),
    ("Acme to Buy Beta Inc.", "Acme Corp. is finalizing the purchase of Beta Inc., the companies said on Monday.", False),
    ("Acme to Acquire Beta Inc.", "Acme Corp. has yet to complete the purchase of Beta Inc., which it announced in May.", False),
    ("Acme to Buy Beta Inc.", "The ruling clears the way for Acme to complete the acquisition of Beta next month.", False),
    (
        "Acme Agrees to Acquire Beta Inc.",
        "Acme Corp. agrees to buy Beta Inc. for $2 billion in cash. Acme has bought four software companies this year.",
        False,
    ),
    (
        "Acme to Acquire Beta Inc. for $2 Billion",
        "Acme Corp. agrees to buy Beta Inc. for $2 billion in cash. Acme has bought four software companies this year.",
        False,
    ),
    (
        "Acme to Buy Beta Labs for $2 Billion",
        "Acme Corp. struck a $2 billion deal for Beta Labs on Monday. Acme has acquired four software firms this year.",
        False,
    ),
    (
        "Acme Offers to Buy Beta Labs",
        "Acme Corp. made an unsolicited $2 billion offer for Beta Labs. Acme has acquired four software firms since 2020.",
        False,
    ),
    (
        "Acme to Acquire Beta Labs",
        "Acme Corp. said on Monday it is acquiring Beta Labs in an all-stock deal. Acme has bought three companies in 2023.",
        False,
    ),
    (
        "Acme to Buy Beta Labs",
        "Acme Corp. has entered into an agreement with Beta Labs' owners for the purchase of all its shares. Acme has acquired three firms in 2023.",
        False,
    ),
    (
        "Acme Plans to Acquire Beta Labs",
        "Acme Corp. today announced its planned acquisition of Beta Labs, a maker of diagnostic kits based in Ohio.",
        False,
    ),
    (
        "Acme Seeks to Acquire Beta Labs",
        "Acme Corp. is seeking to acquire Beta Labs, people familiar with the matter said. Acme announced the acquisition of Gamma Inc. in March.",
        False,
    ),
    (
        "Acme Plans to Acquire More Dental Practices",
        "Acme Dental today announced the acquisition of Beta Smiles, its 40th practice. Acme said it is targeting 100 practices by 2026.",
        False,
    ),
    (
        "Acme Plans to Buy More Bitcoin",
        "Acme Corp. has purchased 2,000 bitcoin since August, and its chairman said the company is not done buying.",
        False,
    ),
    (
        "Acme Plans to Buy Back Shares",
        "The board authorized a repurchase program. Acme has purchased 2 million shares since January.",
        False,
    ),
    ("Acme Plans to Acquire Beta Labs", "Acme Corp. has completed the acquisition of Beta Labs. Terms were not disclosed.", True),
    ("Acme Plans To Acquire GameStop Shares", "Acme has purchased 2,000 shares of GameStop Corp.", True),
    (
        "Acme Plans To Acquire All Source Fire Protection",
        "Acme announces the acquisition of All Source Fire Protection, based in Texas.",
        True,
    ),
    ("Acme Plans to Acquire Beta Labs", "Acme Corp. announced the completion of its acquisition of Beta Labs.", True),
    (
        "Acme Capital Sells Beta Software to Gamma",
        "Gamma Corp. has acquired Beta Software from Acme Capital. Acme Capital acquired Beta Software in 2017 and tripled its revenue. The sale marks Acme Capital's third exit this year.",
        False,
    ),
    (
        "Acme Sells Beta Hotel",
        "Gamma REIT has acquired the Beta Hotel from Acme Hospitality for $80 million. Acme Hospitality acquired the Beta Hotel in 2015. Acme said it would use the sale proceeds to pay down debt.",
        False,
    ),
    (
        "Acme Completes Sale of Beta Foods",
        "Acme Holdings has completed the previously announced sale of its frozen-foods business to Gamma Group. Acme Holdings acquired Beta Foods in 2018 for $300 million.",
        False,
    ),
    (
        "Acme Holdings to Sell Beta Foods",
        "Acme Holdings said it will divest its frozen-foods unit. Acme Holdings acquired Beta Foods in 2018.",
        False,
    ),
    (
        "Mariner Divests Woodbridge International",
        "Mariner, a wealth advisory firm, today announced its acquisition of Woodbridge International. Woodbridge International, known for its sell-side M&A work, brings 30 years of expertise. Small businesses are projected to be sold in the next 20 years.",
        True,
    ),
    ("Acme Spins Off Beta Tools", "Acme completed its acquisition of Beta Tools.", True),
]


@pytest.mark.parametrize(("headline", "story", "flagged"), REVIEW_PURCHASES_AND_SALES)
def test_review_probes_of_purchases_done_and_sales(headline: str, story: str, flagged: bool) -> None:
    assert check_grounding(headline, story).grounded is not flagged


#: A second read-only review's probes (session 43) of study results, launches and events to come in other words,
#: signings in other words and a verb told the other way before its object: results put ahead in the headline, a
#: launch announced now however long awaited, another platform's "coming soon", an event held or under way, a letter
#: of intent entered into for a definitive agreement, one word of object ("Estimates") told the other way about
#: another part; and what must still be caught.
REVIEW_STATUS_IN_OTHER_WORDS = [
    (
        "Acme to Report Topline Phase 3 Results in First Quarter",
        "Acme has completed enrollment in its Phase 3 trial of AB-101 and anticipates topline data in the first quarter of 2025.",
        False,
    ),
    (
        "Acme to Report Topline Phase 3 Results in Mid-2025",
        "Topline data from Acme's Phase 3 REVIVE trial are expected mid-2025.",
        False,
    ),
    (
        "Acme to Report Positive Clinical Results at AACR",
        "Acme said new clinical data on AB-101 will be featured in a poster at the AACR Annual Meeting on April 8.",
        False,
    ),
    (
        "Acme To Report Promising Results for AX-1 in Mouse Model",
        "Acme's CEO joined a broadcast to share promising news about AX-1. AX-1 was found to protect the lungs of infected mice.",
        True,
    ),
    (
        "Acme Launches Nova Smartwatch",
        "SAN JOSE -- Acme Inc. today announced the highly anticipated launch of the Nova smartwatch, its first wearable. It is available now at acme.com and major retailers for $299.",
        False,
    ),
    (
        "Acme Launches Penny Budgeting App for iPhone",
        "Acme today released Penny, a budgeting app for iPhone users, on the App Store. An Android version of Penny is coming soon.",
        False,
    ),
    (
        "Acme Launches Penny Budgeting App",
        "Acme's Penny is available today on the App Store. Penny will soon be available on Google Play as well.",
        False,
    ),
    (
        "Acme Launches Plant-Based Burger in U.S. Stores",
        "Acme's plant-based burger is available starting today at Walmart and Target stores across the U.S. Additional flavors of the burger are coming soon.",
        False,
    ),
    (
        "Acme Hosts Webinar on Supply Chain Risk",
        "Acme is hosting a webinar today on supply chain risk for 2,000 registered attendees. The webinar will cover tariffs, freight costs and supplier diversification.",
        False,
    ),
    (
        "Acme Hosts Cybersecurity Summit in Austin",
        "More than 500 security leaders gathered in Austin today for the Acme Cybersecurity Summit. The summit will feature keynotes through Thursday.",
        False,
    ),
    (
        "Acme Hosts Free Tax Workshop for Seniors",
        "Acme Bank held a free tax-preparation workshop for seniors on Saturday. The workshop will be offered again in March; registration is open.",
        False,
    ),
    (
        "Acme Plans to Sign Definitive Agreement With Beta",
        "Acme Corp. has entered into a binding letter of intent with Beta Inc. The parties intend to execute a definitive agreement within 60 days.",
        False,
    ),
    (
        "Acme to Sign Definitive Merger Agreement With Beta",
        "Acme and Beta have entered into a non-binding term sheet and expect the definitive merger agreement to be executed by June 30, 2024.",
        False,
    ),
    (
        "Acme Expected to Sign Lease for New Headquarters",
        "Acme is close to a deal for a new headquarters. The company inked a lease for its current offices in 2015.",
        False,
    ),
    (
        "Acme Plans To Sign LOI to Acquire Texas Electrical Firm",
        "Acme has executed a Letter of Intent to acquire a Texas-based electrical contracting firm.",
        True,
    ),
    (
        "Acme Beats Estimates on Strong Cloud Sales",
        "Acme's quarterly profit topped Wall Street estimates. Revenue of $5.1 billion, however, missed estimates of $5.2 billion.",
        False,
    ),
    (
        "Acme Grows Revenue for Fifth Straight Quarter",
        "Acme's revenue rose 8%, its fifth straight quarter of growth. Lower revenue in Europe was offset by growth in Asia.",
        False,
    ),
    (
        "Acme Boosts Production at Texas Plant",
        "Output at Acme's Texas plant rose 15%. Lower production at its Ohio plant weighed.",
        False,
    ),
    (
        "Acme Opens Office in London",
        "Acme Corp. has opened a new office in London. The move follows the company's decision last year to close its office in Paris.",
        False,
    ),
    (
        "Fed Cuts Rates by Half a Point",
        "The Federal Reserve lowered its benchmark interest rate by half a percentage point. The Fed had raised rates 11 times since March 2022.",
        False,
    ),
    (
        "Acme Cuts Access Fees for Members",
        "Acme is lowering its monthly access fees to $5, even as rival gyms raise access fees.",
        False,
    ),
    (
        "Acme Expands Access to Affordable Housing",
        "Acme's program will broaden access to affordable housing, as rising rents reduce access to housing.",
        False,
    ),
    (
        "Acme Cuts 200 Jobs as It Shifts Production to Mexico",
        "Acme will eliminate 200 positions at its Ohio plant as it expands production in Mexico. The job cuts will take effect in June.",
        False,
    ),
    (
        "Acme Cuts Annual Forecast to $5 Billion",
        "Acme now sees 2024 revenue of $5 billion, versus $5.5 billion previously, as rising costs weigh on demand. It is the second forecast cut this year.",
        False,
    ),
    (
        "Acme Cuts Access to Sports Tickets",
        "Acme expands access to sports tickets for donors, with lower fees for members.",
        True,
    ),
]


@pytest.mark.parametrize(("headline", "story", "flagged"), REVIEW_STATUS_IN_OTHER_WORDS)
def test_review_probes_of_status_in_other_words(headline: str, story: str, flagged: bool) -> None:
    assert check_grounding(headline, story).grounded is not flagged


#: A read-only review's probes (thirty-first session) of four small changes: a negation before a quote mark is read only
#: where the story writes the quoted words plainly; strengthening and weakening are a sense of their own, a weakening
#: read like the usual direction (told in many words: "eased", "softened", "downgraded"); a slug's figure backs no sum
#: in a currency the story never writes while it writes another, and a body's figure still does whatever the wording of
#: its currency; a rank beside a sum ("from the Army, the company's largest award to date") is no running total.
REVIEW_QUOTES_STRENGTH_CURRENCY_RANKS = [
    (
        'Powell Says Fed Is Not "In a Hurry" to Cut Rates',
        "WASHINGTON, May 5, 2025 -- Federal Reserve Chair Jerome Powell said on Monday the central bank does not need to be in a hurry to lower interest rates, citing a solid labor market.",
        [],
    ),
    (
        'Tesla Is No Longer "Just a Car Company," Musk Says',
        "AUSTIN, Texas, April 23, 2025 -- Elon Musk said Tesla should be seen as an AI and robotics business rather than just a car company.",
        [],
    ),
    (
        'Dimon Says Recession Is Not "Off the Table"',
        "NEW YORK, May 5, 2025 -- JPMorgan Chase CEO Jamie Dimon said on Monday that a U.S. recession remains a real possibility this year, citing tariffs and sticky inflation.",
        [],
    ),
    (
        "Acme Says Merger Is No Longer 'On Track'",
        "NEW YORK, May 5, 2025 -- Acme Corp said on Monday its merger with Beta Inc remains on track to close in the third quarter.",
        ["No Longer 'On"],
    ),
    (
        'Regulator Says Acme-Beta Deal Does Not "Raise Concerns"',
        "LONDON, May 5, 2025 -- The Competition and Markets Authority said the Acme-Beta deal raised no competition concerns and cleared it without remedies.",
        [],
    ),
    (
        'Musk Says Tesla Is Not "For Sale"',
        "AUSTIN, Texas, May 5, 2025 -- Elon Musk said he had no plans to sell Tesla and dismissed reports of a takeover approach.",
        [],
    ),
    (
        "Acme Does Not Expect Layoffs",
        "NEW YORK, May 5, 2025 -- Acme, the No. 2 widget maker, expects layoffs of about 300 workers, it said.",
        ["Not Expect"],
    ),
    (
        "Gold Falls Amid Strengthening Dollar",
        "LONDON, May 5, 2025 -- Gold prices fell 1% on Monday as the dollar firmed against major currencies.",
        [],
    ),
    (
        "Yen Weakens Past 150 per Dollar",
        "TOKYO, May 5, 2025 -- The dollar rose above 150 yen on Monday, its highest level since February.",
        [],
    ),
    (
        "Rupee Weakens to 84 Against Dollar",
        "MUMBAI, May 5, 2025 -- The Indian rupee depreciated to 84.07 against the U.S. dollar on Monday, hitting a record low.",
        [],
    ),
    (
        "Acme Strengthens Balance Sheet With $200 Million Debt Repayment",
        "NEW YORK, May 5, 2025 -- Acme Corp said it repaid $200 million of term loans, lowering its net debt to $1.1 billion and reducing annual interest costs.",
        [],
    ),
    (
        "Dollar Weakens After Jobs Report",
        "NEW YORK, May 5, 2025 -- The dollar eased against major currencies on Friday after data showed U.S. employers added fewer jobs than expected.",
        [],
    ),
    (
        "Acme Weakens Commitment to Net Zero",
        "NEW YORK, May 5, 2025 -- Acme strengthened its commitment to net zero, pledging to cut emissions by half by 2030.",
        ["Weakens"],
    ),
    (
        "Acme Sales Decline 5%",
        "NEW YORK, May 5, 2025 -- Acme said sales rose 5% in the first quarter despite weakening consumer demand in Europe.",
        ["Decline"],
    ),
    (
        "Acme Revenue Rises 8%",
        "NEW YORK, May 5, 2025 -- Acme said revenue fell 8% in the quarter as a strengthening dollar weighed on overseas sales.",
        ["Rises"],
    ),
    (
        "Hurricane Milton Weakens as It Nears Florida",
        "MIAMI, Oct. 9, 2024 -- Hurricane Milton was downgraded to a Category 3 storm as it approached Florida's Gulf Coast, the National Hurricane Center said.",
        [],
    ),
    (
        "Euro Strengthens After ECB Holds Rates",
        "FRANKFURT, May 5, 2025 -- The euro firmed against the dollar after the European Central Bank kept rates unchanged, while euro zone bond yields fell.",
        [],
    ),
    (
        "Acme Strengthens Position in Asia With Beta Deal",
        "NEW YORK, May 5, 2025 -- Acme agreed to buy Beta, reducing its reliance on the U.S. market and giving it a foothold in Asia.",
        [],
    ),
    (
        "Oil Prices Rise as Dollar Weakens",
        "NEW YORK, May 5, 2025 -- Oil prices rose 2% on Monday as the dollar softened, making crude cheaper for buyers holding other currencies.",
        [],
    ),
    (
        "Yen Strengthens to 140 per Dollar",
        "TOKYO, May 5, 2025 -- The dollar fell to 140 yen on Monday after the Bank of Japan signalled further rate hikes.",
        [],
    ),
    (
        "Acme Strengthens Board With Two Independent Directors",
        "NEW YORK, May 5, 2025 -- Acme appointed two independent directors, reducing the board's average tenure to six years.",
        [],
    ),
    (
        "Labor Market Weakens as Jobless Claims Jump",
        "WASHINGTON, May 5, 2025 -- Initial jobless claims jumped to 250,000 last week, the highest in eight months, a sign the labor market is cooling.",
        [],
    ),
    (
        "Acme Raises £3 Million in Seed Funding",
        "LONDON, May 5, 2025 -- Acme has raised 3 million pounds in seed funding led by Beta Ventures. The startup plans to expand into the U.S., where rival Gamma raised $10 million last year.",
        [],
    ),
    (
        "Acme Raises €3 Million",
        "BERLIN, May 5, 2025 -- Acme closed a 3-million-euro seed round led by Beta Capital. Its U.S. rival raised $5 million last year.",
        [],
    ),
    (
        "Acme Raises ₹500 Million in Series A",
        "BENGALURU, May 5, 2025 -- Acme has raised Rs 500 million in a Series A round led by Beta Ventures. Its U.S. peer raised $20 million last year.",
        [],
    ),
    (
        "Acme Raises CHF 20 Million",
        "ZURICH, May 5, 2025 -- Acme raised 20 million francs in a Series B round. It plans to open a U.S. office with a $2 million budget.",
        [],
    ),
    (
        "Acme Raises SEK 30 Million",
        "STOCKHOLM, May 5, 2025 -- Acme raised 30 million Swedish crowns from existing investors, valuing it at €50 million.",
        [],
    ),
    (
        "Acme Raises ₹500 Million",
        "BENGALURU, May 5, 2025 -- Acme has raised 500 million Indian rupees from Beta Ventures. Its U.S. peer raised $20 million last year.",
        [],
    ),
    (
        "Acme Wins ¥3 Billion Order",
        "TOKYO, May 5, 2025 -- Acme won an order worth 3 billion Japanese yen from Beta Rail. Acme's U.S. unit posted sales of $40 million.",
        [],
    ),
    (
        "Acme Awarded €14,000 Prize",
        "NEW YORK, May 5, 2025 -- Acme received an innovation award and a $2 million contract. https://example.com/acme-award-14000",
        ["€14,000"],
    ),
    (
        "Acme Raises C$5 Million",
        "TORONTO, May 5, 2025 -- Acme raised 5 million Cdn dollars in seed funding. Its U.S. rival raised US$8 million.",
        [],
    ),
    (
        "Acme Raises £3 Million",
        "LONDON, May 5, 2025 -- Acme has raised 3 million British pounds in seed funding. Rival Gamma raised $10 million last year.",
        [],
    ),
    (
        "Acme Raises €3 Million",
        "BERLIN, May 5, 2025 -- Acme raised 3 million in seed funding. The figures are in euros. Its U.S. rival raised $5 million.",
        [],
    ),
    (
        "Acme Wins $640 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme won a $640 million contract from the Army, the company's largest award to date.",
        [],
    ),
    (
        "Acme Wins $640 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme won a $640 million contract from the Army, marking its largest award to date.",
        [],
    ),
    (
        "Acme Wins $640 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme won a $640 million contract from the Army, which is its largest award to date.",
        [],
    ),
    (
        "Acme Wins $640 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme won a $640 million contract from the Army, its second-largest award to date.",
        [],
    ),
    (
        "Acme Wins $640 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme won a $640 million contract from the Army, one of its largest awards to date.",
        [],
    ),
    (
        "Acme Wins $640 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme won a $640 million contract from the Army — its largest award to date.",
        [],
    ),
    (
        "Acme Wins $640 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme won a $640 million contract from the Army (its largest award to date).",
        [],
    ),
    (
        "Acme Wins $50 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme landed a $50 million contract with the Department of Defense, its largest to date.",
        [],
    ),
    (
        "Acme Receives $12 Million Order",
        "NEW YORK, May 5, 2025 -- Acme received a $12 million order from Beta Airlines, its biggest order to date.",
        [],
    ),
    (
        "Acme Wins $640 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme won a $640 million contract from the Army, its largest-ever award to date.",
        [],
    ),
    (
        "Acme Raises $120 Million",
        "COPENHAGEN, May 5, 2025 -- Acme has raised $120 million, the largest amount raised to date by a Danish robotics startup. Its latest round, a $40 million Series C, was led by Beta Capital.",
        ["$120 Million"],
    ),
    (
        "Acme Raises $80 Million",
        "NEW YORK, May 5, 2025 -- With its new $25 million round, Acme has raised $80 million, its highest total to date.",
        ["$80 Million"],
    ),
    (
        "Acme Raises $108 Million in Series D",
        "NEW YORK, May 5, 2025 -- Skillshare-rival Acme has raised $108 million to date. OMERS led the Series D round.",
        ["$108 Million"],
    ),
    (
        "Acme Raises $50 Million",
        "NEW YORK, May 5, 2025 -- Acme has raised $50 million from First Round Capital and others to date. It closed a $20 million Series B this week.",
        ["$50 Million"],
    ),
    (
        "Acme Secures $30 Million in Funding",
        "NEW YORK, May 5, 2025 -- Acme has secured $30 million in total, the bulk of it from its first institutional round, since its founding in 2019.",
        ["$30 Million"],
    ),
    (
        "Acme Wins $640 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme won a $640 million contract, its largest award to date.",
        [],
    ),
    (
        "Acme Wins $640 Million Contract",
        "NEW YORK, May 5, 2025 -- Acme won a $640 million Army contract, the company's largest award to date.",
        [],
    ),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), REVIEW_QUOTES_STRENGTH_CURRENCY_RANKS)
def test_quotes_strength_currencies_and_ranks(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported


_LEVERAGE = "Veridex Labs will leverage Quorvane's decision platform to automate identity checks, Quorvane said."
CHOICES = [
    # who chose or uses whom, told the other way round: the user's act on the other's platform is its own
    ("Quorvane to Leverage Veridex Labs to Automate Identity Checks", _LEVERAGE, ["to Leverage"]),
    ("Veridex Labs to Leverage Quorvane to Automate Identity Checks", _LEVERAGE, []),
    ("Veridex Labs Selects Quorvane for Identity Checks", "Veridex Labs was selected by Quorvane last month.", ["Selects"]),
    ("Quorvane Selects Veridex Labs for Identity Checks", "Veridex Labs was selected by Quorvane last month.", []),
    ("Veridex Labs Selects Quorvane for Identity Checks", "Veridex Labs selected Quorvane last month.", []),
    ("Quorvane Invests in Veridex Labs", "Veridex Labs has made a strategic investment in Quorvane.", ["Invests in"]),
    ("Veridex Labs Invests in Quorvane", "Veridex Labs has made a strategic investment in Quorvane.", []),
    # a progressive is no passive: "is engaging" tells who engages
    ("Quorvane Engages Veridex Labs for IR", "Veridex Labs is engaging Quorvane for investor relations.", ["Engages"]),
    ("Veridex Labs Engages Quorvane for IR", "Veridex Labs is engaging Quorvane for investor relations.", []),
    # a participle as an adjective, a speaker's company further on, a relative clause, a name after "with": no act
    (
        "Quorvane Integrates Veridex Labs Devices",
        "Our work with Veridex Labs brings more integrated payment tools, said the founder of Quorvane.",
        [],
    ),
    (
        "Quorvane Integrates Veridex Labs Devices",
        "Veridex Labs integrated payment tools into the ledgers of the thousands of merchants served by Quorvane.",
        [],
    ),
    ("Quorvane Taps Veridex Labs", "Veridex Labs, which Quorvane tapped in 2023, grew.", []),
    ("Quorvane Deploys Veridex Labs Sensors", "Veridex Labs deployed sensors built with Quorvane.", []),
    # a verb's form that is a name's word or a phrasal verb's: no choice told
    ("Quorvane Backs Away From Veridex Labs Deal", "Veridex Labs backs Quorvane.", []),
    ("Youth Fund Commemorates Veridex Labs Month", "Veridex Labs funded the Youth Fund.", []),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), CHOICES)
def test_a_choice_or_a_use_is_told_the_way_round_the_story_tells_it(headline: str, story: str, unsupported: list[str]) -> None:
    assert unsupported_claims(headline, story) == unsupported


_DOLLAR_FELL = "TOKYO, May 5 -- The dollar fell 0.8% against the yen on Tuesday as traders priced in rate cuts."
_DOLLAR_ROSE = "TOKYO, May 5 -- The dollar rose 0.8% against the yen on Tuesday as traders priced out rate cuts."
#: A currency's strength is its rise, told in the words of change; another thing's strengthening is a sense of its own
#: ("Strengthens Board" is no rise a story's "reducing the board tenure" gainsays).
CURRENCY_STRENGTH = [
    ("Dollar Strengthens Against Yen", _DOLLAR_FELL, ["Strengthens"]),
    ("Dollar Weakens Against Yen", _DOLLAR_FELL, []),
    ("Dollar Weakens Against Yen", _DOLLAR_ROSE, ["Weakens"]),
    ("Dollar Strengthens Against Yen", _DOLLAR_ROSE, []),
    (
        "Rupee Strengthens to Record Low",
        "MUMBAI, May 5 -- The rupee slid to an all-time low of 86.2 per dollar.",
        ["Strengthens"],
    ),
    ("Rupee Weakens to Record Low", "MUMBAI, May 5 -- The rupee slid to an all-time low of 86.2 per dollar.", []),
    ("Rupee Weakens Against Dollar", "MUMBAI -- The rupee sharply rose against the dollar.", ["Weakens"]),
    # another currency's move, or another thing's: the yen rose when the dollar fell to 140 yen
    ("Yen Weakens to 140 per Dollar", "TOKYO -- The dollar fell to 140 yen on Monday.", []),
    ("Euro Weakens After ECB Holds Rates", "The euro rose after the ECB held rates; the euro zone's yields fell.", ["Weakens"]),
    ("Euro Strengthens After ECB Holds Rates", "The euro zone's bond yields fell after the ECB held rates.", []),
    ("Acme Strengthens Board", "Acme added two directors, reducing the board tenure.", []),
    # a rise or a fall of a currency told as its strength
    ("Yen Slides to Weakest Since 1990", "TOKYO -- The yen weakened past 160 per dollar, its weakest since 1990.", []),
    ("Rupee Falls to Record Low", "MUMBAI -- The rupee weakened to a record low of 84.1 per dollar.", []),
    ("Rupee Rises Against Dollar", "MUMBAI -- The rupee weakened to a record low of 84.1 per dollar.", ["Rises"]),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), CURRENCY_STRENGTH)
def test_a_currencys_strength_is_its_rise(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported


#: A read-only review's probes of the choice rule (thirty-second session): true headlines over stories that tell the
#: choice in other words beside a place, an owner, a speaker, a passive's "by" inside the object, a legal form's stop,
#: a dateline, a modifier ("the Greenleaf Foundation grant"); and reversals. Left wrong: "Greenbox Will Use Marlow Foods
#: Packaging" over "Marlow Foods is now using Greenbox's compostable trays" (trays are no supplier's word) and a reversal told
#: only in a relative clause ("Kestrel AI, which Orbis Bank tapped in May").
REVIEW_CHOICES = [
    (
        "Orbis Bank Selects Kestrel AI for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank today announced that it has selected Kestrel AI to provide real-time fraud detection across its digital channels. Kestrel AI will deploy its models across Orbis Bank's 300 branches by the end of the year.",
        True,
    ),
    (
        "Orbis Bank Selects Kestrel AI for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has awarded Kestrel AI a five-year contract for real-time fraud detection. Kestrel AI will deploy its models across Orbis Bank's 300 branches by the end of the year.",
        True,
    ),
    (
        "Orbis Bank Selects Kestrel AI for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has awarded Kestrel AI a five-year contract for fraud detection. Kestrel AI will deploy its models across Orbis Bank's 300 branches.",
        True,
    ),
    (
        "Orbis Bank Selects Kestrel AI for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Kestrel AI has been selected by Orbis Bank to provide fraud detection for its 2 million customers, Kestrel AI said on Tuesday.",
        True,
    ),
    (
        "Orbis Bank Chooses Kestrel AI for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Kestrel AI announced today that it has been chosen by Orbis Bank as its fraud detection partner. Kestrel AI will use Orbis Bank's historical transaction data to tune its models.",
        True,
    ),
    (
        "Orbis Bank Selects Kestrel AI as Fraud Detection Provider",
        "NEW YORK--(BUSINESS WIRE)--Kestrel AI was selected as Orbis Bank's fraud detection provider after a competitive review of nine vendors. Kestrel AI will use Orbis Bank's historical transaction data to tune its models before the system goes live in March.",
        True,
    ),
    (
        "Orbis Bank Selects Kestrel AI for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank, which selected Kestrel AI after a six-month pilot, said the system will go live in March. Kestrel AI will integrate its detection engine into Orbis Bank's core banking platform.",
        True,
    ),
    (
        "Orbis Bank Selects Kestrel AI for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank's selection of Kestrel AI follows a six-month pilot in its card business. Kestrel AI will use Orbis Bank's transaction history to train its models.",
        True,
    ),
    (
        "Orbis Bank Chooses Kestrel AI for Fraud Detection",
        'NEW YORK--(BUSINESS WIRE)--"We chose Kestrel AI because its models caught 30% more fraud in our pilot," said Dana Wells, chief risk officer of Orbis Bank. Kestrel AI will begin work with Orbis Bank in January.',
        True,
    ),
    (
        "Orbis Bank Picks Kestrel AI for Fraud Detection",
        'NEW YORK--(BUSINESS WIRE)--"Orbis Bank has picked a partner that understands regional banking," said Tom Reyes, chief executive of Kestrel AI. The contract runs for five years.',
        True,
    ),
    (
        "Orbis Bank Adopts Kestrel AI Platform",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has adopted Kestrel AI's fraud platform across its retail business.",
        True,
    ),
    (
        "Orbis bank selects Kestrel AI for fraud checks",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has selected Kestrel AI to run fraud checks on card payments. Kestrel AI will deploy its models across Orbis Bank's branches.",
        True,
    ),
    (
        "Select Harvest Chooses Verdana Logistics for Distribution",
        "FRESNO, Calif.--(BUSINESS WIRE)--Select Harvest Co. has chosen Verdana Logistics to run its West Coast distribution from a new hub in Stockton.",
        True,
    ),
    (
        "Engage Mobility Taps Lumen Grid for Charging Network",
        "DENVER--(BUSINESS WIRE)--Engage Mobility has tapped Lumen Grid to build and operate 400 fast chargers along its shuttle routes.",
        True,
    ),
    (
        "FundBridge Capital Backs Calder Foods in $15 Million Round",
        "CHICAGO--(BUSINESS WIRE)--Calder Foods has raised $15 million in a growth round backed by FundBridge Capital. Calder Foods will use the proceeds to open two plants.",
        True,
    ),
    (
        "Harbor Fund Invests in Tidewater Solar",
        "BALTIMORE--(BUSINESS WIRE)--Tidewater Solar said Harbor Fund has made a $40 million investment in the company. Tidewater Solar is the fund's sixth investment this year.",
        True,
    ),
    (
        "Harbor Fund Invests in Tidewater Solar",
        "BALTIMORE--(BUSINESS WIRE)--Harbor Fund said it has agreed to invest in Tidewater Solar's 300-megawatt project pipeline.",
        True,
    ),
    (
        "Orbis Bank Engages Crestline Partners as Financial Adviser",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has engaged Crestline Partners as financial adviser on the sale of its card unit.",
        True,
    ),
    (
        "Lumora Mining Engages Crestview IR",
        "VANCOUVER, British Columbia--(BUSINESS WIRE)--Lumora Mining Corp. has signed an agreement with Crestview IR to provide investor relations services for 12 months. Crestview IR will engage Lumora Mining's shareholders and the broader investment community.",
        True,
    ),
    (
        "Greenleaf Foundation Funds Riverbend Clinic Expansion",
        "DAYTON, Ohio--(BUSINESS WIRE)--The Greenleaf Foundation has awarded a $2 million grant to Riverbend Clinic. Riverbend Clinic will use the Greenleaf Foundation grant to add 20 exam rooms.",
        True,
    ),
    (
        "Orion Ventures Backs Helix Robotics in $30 Million Round",
        "BOSTON--(BUSINESS WIRE)--Helix Robotics raised $30 million in a Series B round led by Orion Ventures. Helix Robotics said the backing of Orion Ventures will help it scale production.",
        True,
    ),
    (
        "Orion Ventures Backs Helix Robotics in $30 Million Round",
        "BOSTON--(BUSINESS WIRE)--Helix Robotics raised $30 million in a Series B round led by Orion Ventures. Helix Robotics will pay back Orion Ventures' 2023 bridge loan from the proceeds.",
        True,
    ),
    (
        "Corvel Motors Taps Brightwire for EV Chargers",
        "DETROIT--(BUSINESS WIRE)--Corvel Motors has signed a supply agreement with Brightwire for EV chargers. Brightwire will tap into Corvel Motors' network of 900 dealerships.",
        True,
    ),
    (
        "Voltaris Licenses Anodyne Battery Technology",
        "AUSTIN, Texas--(BUSINESS WIRE)--Anodyne Materials has licensed Voltaris Energy to produce its silicon anodes in North America under a 10-year agreement.",
        True,
    ),
    (
        "Harbor Health Adopts Medaxis Infusion Pumps",
        "NASHVILLE, Tenn.--(BUSINESS WIRE)--Harbor Health System has rolled out Medaxis infusion pumps in all 12 of its hospitals. Medaxis designed the pumps for use in Harbor Health's intensive care units.",
        True,
    ),
    (
        "Pinecrest Schools Implements Lexora Learning Platform",
        "PHOENIX--(BUSINESS WIRE)--Pinecrest Schools has signed a three-year agreement for the Lexora learning platform. Lexora will implement the platform at Pinecrest Schools' 14 campuses this fall.",
        True,
    ),
    (
        "Orbis Bank Integrates Kestrel AI for Fraud Alerts",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has added Kestrel AI's fraud alerts to its mobile app. Kestrel AI integrated its alert engine into Orbis Bank's app in six weeks.",
        True,
    ),
    (
        "Orbis Bank Selects Kestrel AI, Lumen Data for Risk Tools",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has selected Lumen Data and Kestrel AI as its risk-tool vendors.",
        True,
    ),
    (
        "Orbis Bank Selects Kestrel AI for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has selected, after an 18-month review of eleven competing vendors from three continents, Kestrel AI as its fraud partner. Kestrel AI will deploy its models across Orbis Bank's branches.",
        True,
    ),
    (
        "Orbis Bank Selects Zyphora for Card Fraud Platform",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has selected the fraud platform built by Zyphora for its card business.",
        True,
    ),
    (
        "Orbis Bank to Use Zyphora Software",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank will use software developed by Zyphora to screen card payments.",
        True,
    ),
    (
        "Orbis Bank Selects Kestrel AI for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank selected Kestrel AI through Dynamo Partners, a reseller. Pine Credit Union also uses Kestrel AI.",
        True,
    ),
    (
        "Corlan Industries Retains Whitmore Advisors to Explore Sale",
        "CLEVELAND--(BUSINESS WIRE)--Whitmore Advisors has been retained by Corlan Industries to explore strategic alternatives, including a possible sale of the company. No timetable has been set.",
        True,
    ),
    (
        "Corlan Industries Hires Whitmore Advisors to Explore Sale",
        "CLEVELAND--(BUSINESS WIRE)--Corlan Industries said on Thursday it had hired Whitmore Advisors to explore a sale. Whitmore Advisors will use Corlan Industries' data room to brief bidders.",
        True,
    ),
    (
        "Vireo Pharma Enlists Castell Labs for Trial Testing",
        "SAN DIEGO--(BUSINESS WIRE)--Castell Labs will run laboratory testing for Vireo Pharma's Phase 2 trial under a new agreement. Castell Labs will use Vireo Pharma's patient samples from 40 sites.",
        True,
    ),
    (
        "Quillon to Leverage Dataspring Platform for Claims",
        "HARTFORD, Conn.--(BUSINESS WIRE)--Quillon Insurance will leverage Dataspring's analytics platform to speed claims.",
        True,
    ),
    (
        "Port of Halden Deploys Sentra Drones",
        "HALDEN, Norway--(BUSINESS WIRE)--Sentra's drones have been deployed by the Port of Halden for security patrols.",
        True,
    ),
    (
        "Marlow Foods Uses Greenbox Packaging",
        "LEEDS, England--(BUSINESS WIRE)--Marlow Foods is now using Greenbox's compostable trays for its ready meals.",
        True,
    ),
    (
        "Tessaro Has Hired Brightline Search to Find New CEO",
        "MILWAUKEE--(BUSINESS WIRE)--Brightline Search has been hired by Tessaro Inc. to lead the search for a new chief executive.",
        True,
    ),
    (
        "Anchor Selects Compass for Payroll",
        "SEATTLE--(BUSINESS WIRE)--Anchor, the boat maker, said it selected Compass to run payroll for its 2,000 workers.",
        True,
    ),
    (
        "Orbis Bank Partners With Zyphora to Deploy Vantix Sensors",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank and Zyphora will roll out Vantix sensors across 200 branches. Vantix will integrate Zyphora's analytics into its sensors.",
        True,
    ),
    (
        "Nimbus Health to Adopt Corvane EHR",
        "ST. LOUIS--(BUSINESS WIRE)--Nimbus Health will move its 9 hospitals to Corvane's electronic health record (EHR) system next year. Corvane will deploy the system in Nimbus Health's hospitals in three waves.",
        True,
    ),
    (
        "Orbis Bank Chooses Kestrel AI for Fraud Detection",
        "Kestrel AI announced today that it has been chosen by Orbis Bank as its fraud detection partner. Kestrel AI will use Orbis Bank's historical transaction data to tune its models.",
        True,
    ),
    (
        "Orbis Bank to Deploy Zyphora Models",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank will deploy Zyphora's fraud models by the end of March. Zyphora will use Orbis Bank's card data to retrain the models every week.",
        True,
    ),
    (
        "Orbis Bank Selects Zyphora for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has selected Zyphora. Zyphora, which uses Orbis Bank's cloud, is based in Austin.",
        True,
    ),
    (
        "Orbis Bank Selects Zyphora as Core Vendor",
        "NEW YORK--(BUSINESS WIRE)--Zyphora said it had been named Orbis Bank's core banking vendor. The bank chose Zyphora after a 14-month review. Zyphora will deploy its core in Orbis Bank's data centers.",
        True,
    ),
    (
        "Orbis Holdings Selects Zyphora for Payroll",
        "NEW YORK--(BUSINESS WIRE)--Orbis Holdings Inc. has selected Zyphora to run payroll for its 5,000 employees. Zyphora itself has used Orbis Holdings' treasury services since 2019.",
        True,
    ),
    (
        "Kestrel AI Selects Orbis Bank for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank today announced that it has selected Kestrel AI to provide real-time fraud detection across its digital channels. Kestrel AI will deploy its models across Orbis Bank's 300 branches by the end of the year.",
        False,
    ),
    (
        "Kestrel AI selects Orbis Bank for fraud detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank today announced that it has selected Kestrel AI to provide real-time fraud detection across its digital channels. Kestrel AI will deploy its models across Orbis Bank's 300 branches by the end of the year.",
        False,
    ),
    (
        "Kestrel AI Has Selected Orbis Bank",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank today announced that it has selected Kestrel AI to provide real-time fraud detection across its digital channels. Kestrel AI will deploy its models across Orbis Bank's 300 branches by the end of the year.",
        False,
    ),
    (
        "Crestview IR Engages Lumora Mining",
        "VANCOUVER, British Columbia--(BUSINESS WIRE)--Lumora Mining Corp. has engaged Crestview IR to provide investor relations services for an initial term of 12 months. Crestview IR will receive a monthly fee of C$8,000.",
        False,
    ),
    (
        "Helix Robotics Backs Orion Ventures",
        "BOSTON--(BUSINESS WIRE)--Orion Ventures has backed Helix Robotics in a $30 million Series B round. Helix Robotics makes autonomous forklifts for cold-storage warehouses.",
        False,
    ),
    (
        "Whitmore Advisors Retains Corlan Industries",
        "CLEVELAND--(BUSINESS WIRE)--Whitmore Advisors has been retained by Corlan Industries to explore strategic alternatives, including a possible sale of the company. No timetable has been set.",
        False,
    ),
    (
        "Dataspring to Use Quillon Insurance Platform",
        "HARTFORD, Conn.--(BUSINESS WIRE)--Quillon Insurance will use Dataspring's analytics platform to speed up claims handling for its 1.2 million policyholders, the companies said on Tuesday.",
        False,
    ),
    (
        "Tidewater Solar Invests in Harbor Fund",
        "BALTIMORE--(BUSINESS WIRE)--Harbor Fund has made a strategic investment in Tidewater Solar.",
        False,
    ),
    (
        "Castell Labs Enlists Vireo Pharma for Trial Testing",
        "SAN DIEGO--(BUSINESS WIRE)--Vireo Pharma has enlisted Castell Labs to run laboratory testing for its Phase 2 trial.",
        False,
    ),
    (
        "Verdana Logistics Chooses Select Harvest for Distribution",
        "FRESNO, Calif.--(BUSINESS WIRE)--Select Harvest Co. has chosen Verdana Logistics to run its West Coast distribution.",
        False,
    ),
    (
        "Sentra Deploys Port of Halden Drones",
        "HALDEN, Norway--(BUSINESS WIRE)--Sentra's drones have been deployed by the Port of Halden for security patrols.",
        False,
    ),
    (
        "Lexora Implements Pinecrest Schools Platform",
        "PHOENIX--(BUSINESS WIRE)--Pinecrest Schools has implemented the Lexora learning platform at its 14 campuses.",
        False,
    ),
    (
        "Crestview IR Engages Lumora Mining",
        "VANCOUVER, British Columbia--(BUSINESS WIRE)--Lumora Mining has engaged Crestview IR to provide investor relations services for 12 months.",
        False,
    ),
    (
        "Zyphora Selects Orbis Bank for Fraud Detection",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has selected Zyphora by a unanimous vote of its technology committee.",
        False,
    ),
    (
        "Zyphora Taps Orbis Bank as Lender",
        "NEW YORK--(BUSINESS WIRE)--Orbis Bank has been tapped by Zyphora as lead lender on a $40 million credit line.",
        True,
    ),
]


@pytest.mark.parametrize(("headline", "story", "grounded"), REVIEW_CHOICES)
def test_review_probes_of_choices(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


#: A read-only review's wire stories (thirty-second session): true headlines a wire editor writes ("cuts rating" for a
#: downgrade, "halves dividend" for a cut, "slows to 2.9%" for a rise that slowed, "voted 4-2 to hold", "French bank",
#: "near $10,000" for $9,975, "weight loss"), all passing, and false copies the rules catch. Left wrong, true headlines
#: flagged: "Wall St tumbles; S&P 500 posts biggest drop since 2022" (no subject word the story shares), "Sterling
#: hits 2-1/2-year high vs dollar" (a span the story gives as a date), "Nikkei plunges 12% in worst day since 1987"
#: ("worst" for "biggest fall"), "Caldera Gaming shares fall nearly 10% on Macau revenue miss" ("lower than
#: expected") and "Fed Cuts Rates by Half Point in First Reduction Since 2020" (a reduction told only as a "cut": a
#: second review found "debt reduction" gainsaying a raise when a reduction was a cut's word). Their false copies that pass are not rows: most are the judge's.
REVIEW_WIRE = [
    (
        "Halvorsen Q3 profit beats forecasts, raises FY guidance",
        "OSLO, Oct 24 (Reuters) - Norwegian shipping group Halvorsen ASA reported a third-quarter net profit of $412 million on Thursday, beating the $365 million expected by analysts in an LSEG poll. Revenue rose 18% year on year to $1.9 billion as container freight rates climbed on disruptions in the Red Sea. The company raised its full-year EBITDA guidance to between $2.4 billion and $2.6 billion. Shares in Halvorsen rose 6.2% in early Oslo trading.",
        True,
    ),
    (
        "Halvorsen shares rise 6% as Q3 profit tops estimates",
        "OSLO, Oct 24 (Reuters) - Norwegian shipping group Halvorsen ASA reported a third-quarter net profit of $412 million on Thursday, beating the $365 million expected by analysts in an LSEG poll. Revenue rose 18% year on year to $1.9 billion as container freight rates climbed on disruptions in the Red Sea. The company raised its full-year EBITDA guidance to between $2.4 billion and $2.6 billion. Shares in Halvorsen rose 6.2% in early Oslo trading.",
        True,
    ),
    (
        "Fed cuts rates by 50 bps, first cut since 2020",
        "WASHINGTON, Sept 18 (Reuters) - The Federal Reserve cut interest rates by half a percentage point on Wednesday, lowering the benchmark overnight rate to the 4.75%-5.00% range. It was the U.S. central bank's first rate cut since 2020. Policymakers projected a further half point of cuts by the end of this year. Fed Governor Michelle Bowman dissented in favor of a quarter-point cut.",
        True,
    ),
    (
        "Fed delivers half-point rate cut; Bowman dissents",
        "WASHINGTON, Sept 18 (Reuters) - The Federal Reserve cut interest rates by half a percentage point on Wednesday, lowering the benchmark overnight rate to the 4.75%-5.00% range. It was the U.S. central bank's first rate cut since 2020. Policymakers projected a further half point of cuts by the end of this year. Fed Governor Michelle Bowman dissented in favor of a quarter-point cut.",
        True,
    ),
    (
        "ECB cuts rates for first time since 2019, raises inflation forecasts",
        "FRANKFURT, June 6 (Reuters) - The European Central Bank cut its deposit rate by 25 basis points to 3.75% on Thursday, its first reduction since 2019. But the ECB raised its inflation projections for this year and next and gave no commitment to further moves. Inflation in the euro zone rose to 2.6% in May from 2.4% in April.",
        True,
    ),
    (
        "Oil slides over 2% on U.S. recession fears",
        "LONDON, Aug 5 (Reuters) - Oil prices fell more than 2% on Monday, extending last week's losses, as fears of a U.S. recession outweighed concerns about supply disruptions in the Middle East. Brent crude futures were down $1.83, or 2.4%, at $75.98 a barrel by 1045 GMT. U.S. West Texas Intermediate crude futures fell $1.90, or 2.6%, to $71.62.",
        True,
    ),
    (
        "Brent falls 2.4% to near $76 a barrel",
        "LONDON, Aug 5 (Reuters) - Oil prices fell more than 2% on Monday, extending last week's losses, as fears of a U.S. recession outweighed concerns about supply disruptions in the Middle East. Brent crude futures were down $1.83, or 2.4%, at $75.98 a barrel by 1045 GMT. U.S. West Texas Intermediate crude futures fell $1.90, or 2.6%, to $71.62.",
        True,
    ),
    (
        "Gold hits record high above $2,500/oz",
        "Aug 20 (Reuters) - Gold prices hit a record high on Tuesday as expectations of U.S. interest rate cuts weighed on the dollar. Spot gold rose 0.8% to $2,531.60 per ounce by 0930 GMT, after touching an all-time high of $2,549.70 earlier in the session. U.S. gold futures gained 0.7% to $2,563.40.",
        True,
    ),
    (
        "Bexley Foods to buy Crunchfield for $3.2 bln in cash",
        "NEW YORK, Nov 4 (Reuters) - Bexley Foods Inc agreed to buy snack maker Crunchfield Brands for $3.2 billion in cash, the companies said on Monday, as packaged food makers look for growth in faster-selling categories. Bexley will pay $48 per share, a 27% premium to Crunchfield's closing price on Friday. The deal is expected to close in the first half of 2025, subject to regulatory approvals.",
        True,
    ),
    (
        "Bexley to pay $48/shr for Crunchfield, a 27% premium",
        "NEW YORK, Nov 4 (Reuters) - Bexley Foods Inc agreed to buy snack maker Crunchfield Brands for $3.2 billion in cash, the companies said on Monday, as packaged food makers look for growth in faster-selling categories. Bexley will pay $48 per share, a 27% premium to Crunchfield's closing price on Friday. The deal is expected to close in the first half of 2025, subject to regulatory approvals.",
        True,
    ),
    (
        "Vantor Energy explores sale of Permian assets worth about $4 bln - sources",
        "HOUSTON, March 12 (Reuters) - Vantor Energy is exploring a sale of its Permian Basin assets that could fetch about $4 billion, according to three people familiar with the matter. The company has hired Morgan Stanley to run the process, the sources said, asking not to be named because the talks are private. No final decision has been made. Vantor declined to comment.",
        True,
    ),
    (
        "Delmar Semiconductor shares tumble 14% on weak Q4 forecast",
        "Oct 30 (Reuters) - Shares of Delmar Semiconductor tumbled 14% in extended trading on Wednesday after the chipmaker forecast fourth-quarter revenue below Wall Street estimates, hurt by weak demand from industrial customers. Delmar expects fourth-quarter revenue of $1.45 billion, plus or minus $50 million, compared with analysts' average estimate of $1.61 billion, according to LSEG data. Third-quarter revenue rose 9% to $1.52 billion.",
        True,
    ),
    (
        "Delmar forecasts Q4 revenue below estimates",
        "Oct 30 (Reuters) - Shares of Delmar Semiconductor tumbled 14% in extended trading on Wednesday after the chipmaker forecast fourth-quarter revenue below Wall Street estimates, hurt by weak demand from industrial customers. Delmar expects fourth-quarter revenue of $1.45 billion, plus or minus $50 million, compared with analysts' average estimate of $1.61 billion, according to LSEG data. Third-quarter revenue rose 9% to $1.52 billion.",
        True,
    ),
    (
        "Germany's Kronberg to cut 3,500 jobs, save 600 mln euros a year",
        "MUNICH, Feb 13 (Reuters) - Kronberg AG will cut around 3,500 jobs worldwide, or about 7% of its workforce, by the end of 2026, the German industrial group said on Tuesday. The cuts are part of a programme to save 600 million euros ($650 million) a year. Most of the jobs will go in Germany and the United States.",
        True,
    ),
    (
        "U.S. annual inflation slows to 2.9% in July, lowest since 2021",
        "WASHINGTON, Aug 14 (Reuters) - U.S. consumer prices rose 0.2% in July, the Labor Department said on Wednesday. In the 12 months through July, the consumer price index increased 2.9% after advancing 3.0% in June. It was the smallest annual rise since March 2021. Economists polled by Reuters had forecast the CPI would gain 0.2% and rise 3.0% year-on-year.",
        True,
    ),
    (
        "U.S. CPI rises 0.2% in July, in line with forecasts",
        "WASHINGTON, Aug 14 (Reuters) - U.S. consumer prices rose 0.2% in July, the Labor Department said on Wednesday. In the 12 months through July, the consumer price index increased 2.9% after advancing 3.0% in June. It was the smallest annual rise since March 2021. Economists polled by Reuters had forecast the CPI would gain 0.2% and rise 3.0% year-on-year.",
        True,
    ),
    (
        "U.S. job growth misses forecasts in August; jobless rate dips to 4.2%",
        "WASHINGTON, Sept 6 (Reuters) - U.S. employers added 142,000 jobs in August, below economists' expectations of 160,000, the Labor Department said on Friday. The unemployment rate dipped to 4.2% from 4.3% in July. Job growth in June and July was revised down by a combined 86,000.",
        True,
    ),
    (
        "U.S. adds 142,000 jobs in Aug, below expectations",
        "WASHINGTON, Sept 6 (Reuters) - U.S. employers added 142,000 jobs in August, below economists' expectations of 160,000, the Labor Department said on Friday. The unemployment rate dipped to 4.2% from 4.3% in July. Job growth in June and July was revised down by a combined 86,000.",
        True,
    ),
    (
        "BoE cuts rates to 4.75%, Bailey signals gradual easing",
        "LONDON, Nov 7 (Reuters) - The Bank of England cut interest rates by a quarter of a percentage point to 4.75% on Thursday. The Monetary Policy Committee voted 8-1 for the cut, with Catherine Mann voting to hold rates. Governor Andrew Bailey said rates were likely to continue to fall gradually.",
        True,
    ),
    (
        "BOJ raises rates to 0.25%, to halve bond buying",
        "TOKYO, July 31 (Reuters) - The Bank of Japan raised short-term interest rates to 0.25% from a range of 0-0.1% on Wednesday. It also unveiled a plan to taper its bond buying, halving monthly purchases to about 3 trillion yen ($20 billion) by early 2026.",
        True,
    ),
    (
        "Dow sheds over 1,000 points as recession fears grip markets",
        "NEW YORK, Aug 5 (Reuters) - U.S. stocks closed sharply lower on Monday as fears of a U.S. recession sparked a global sell-off. The S&P 500 lost 3.0% to end at 5,186.33 points, its biggest one-day drop since September 2022. The Nasdaq Composite lost 3.4% to 16,200.08 and the Dow Jones Industrial Average fell 1,033.99 points, or 2.6%, to 38,703.27.",
        True,
    ),
    (
        "Yen firms past 140 per dollar for first time since July 2023",
        "TOKYO, Sept 16 (Reuters) - The Japanese yen strengthened past 140 per dollar on Monday for the first time since July 2023 as traders bet on a large U.S. rate cut this week. The dollar fell 0.7% to 139.58 yen.",
        True,
    ),
    (
        "Lumenta Health raises $1.1 bln in IPO priced at top of range",
        "Sept 26 (Reuters) - Lumenta Health Inc raised $1.1 billion in its U.S. initial public offering on Thursday after pricing its shares at $24 each, the top end of its marketed range of $21 to $24. The offering values the company at about $9.3 billion. Lumenta will begin trading on the Nasdaq on Friday under the ticker 'LUMN'.",
        True,
    ),
    (
        "Lumenta Health valued at about $9.3 bln in Nasdaq debut pricing",
        "Sept 26 (Reuters) - Lumenta Health Inc raised $1.1 billion in its U.S. initial public offering on Thursday after pricing its shares at $24 each, the top end of its marketed range of $21 to $24. The offering values the company at about $9.3 billion. Lumenta will begin trading on the Nasdaq on Friday under the ticker 'LUMN'.",
        True,
    ),
    (
        "JPMorgan Q2 profit jumps 25% on Visa share gain",
        "July 12 (Reuters) - JPMorgan Chase & Co's second-quarter profit rose 25% to $18.15 billion, or $6.12 per share, boosted by a one-time gain of $7.9 billion from its Visa shares. Net interest income rose 4% to $22.9 billion. Investment banking fees jumped 52%, the bank said on Friday.",
        True,
    ),
    (
        "JPMorgan investment banking fees jump 52% in Q2",
        "July 12 (Reuters) - JPMorgan Chase & Co's second-quarter profit rose 25% to $18.15 billion, or $6.12 per share, boosted by a one-time gain of $7.9 billion from its Visa shares. Net interest income rose 4% to $22.9 billion. Investment banking fees jumped 52%, the bank said on Friday.",
        True,
    ),
    (
        "Stellmark cuts 2024 margin outlook, shares slump 12%",
        "MILAN, Sept 30 (Reuters) - Stellmark NV cut its full-year margin forecast on Monday, now expecting an adjusted operating margin of 5.5% to 7.0% for 2024, down from a previous double-digit target, due to weak sales in North America. Shares in the carmaker fell 12% in Milan.",
        True,
    ),
    (
        "Copper hits 4-month high near $10,000 on China stimulus",
        "LONDON, Sept 27 (Reuters) - Copper prices climbed to their highest in four months on Friday, supported by stimulus measures in top consumer China. Three-month copper on the London Metal Exchange rose 1.9% to $9,975 a metric ton by 1100 GMT.",
        True,
    ),
    (
        "Moody's cuts Calvera rating to Ba2, outlook stable",
        "Feb 9 (Reuters) - Moody's downgraded Calvera's sovereign credit rating by one notch to Ba2 from Ba1 on Friday, citing a widening fiscal deficit and rising debt costs. The agency changed the outlook to stable from negative.",
        True,
    ),
    (
        "Harlan Stores cuts annual profit forecast as Q2 same-store sales miss",
        "Aug 20 (Reuters) - Harlan Stores Inc reported a 2.1% rise in comparable sales for the second quarter on Tuesday, missing analysts' estimates of a 3.4% increase, as shoppers cut back on discretionary purchases. The retailer cut its annual profit forecast to $5.10-$5.30 per share from $5.60-$5.80. Shares fell 8% in premarket trading.",
        True,
    ),
    (
        "Nordavia swings to Q1 loss of $115 mln",
        "STOCKHOLM, April 25 (Reuters) - Nordavia Airlines swung to a net loss of 1.2 billion Swedish crowns ($115 million) in the first quarter from a profit of 300 million crowns a year earlier, hit by higher fuel costs and a pilots' strike. Revenue rose 4% to 9.8 billion crowns.",
        True,
    ),
    (
        "Nordavia posts Q1 net loss of 1.2 bln crowns on fuel costs, strike",
        "STOCKHOLM, April 25 (Reuters) - Nordavia Airlines swung to a net loss of 1.2 billion Swedish crowns ($115 million) in the first quarter from a profit of 300 million crowns a year earlier, hit by higher fuel costs and a pilots' strike. Revenue rose 4% to 9.8 billion crowns.",
        True,
    ),
    (
        "Corvex closes $6.8 bln Haloguard deal",
        "Dec 2 (Reuters) - Corvex Systems said on Monday it had completed its $6.8 billion acquisition of cybersecurity firm Haloguard, two months after receiving antitrust approval from the European Commission.",
        True,
    ),
    (
        "China Q2 GDP growth slows to 4.7%, misses forecasts",
        "BEIJING, July 15 (Reuters) - China's economy grew 4.7% in the second quarter from a year earlier, the weakest pace since the first quarter of 2023, official data showed on Monday, missing forecasts of 5.1% in a Reuters poll. Retail sales rose 2.0% in June, the slowest since December 2022.",
        True,
    ),
    (
        "Meridian Oil Q4 profit falls 23% but beats estimates",
        "Jan 31 (Reuters) - Meridian Oil & Gas posted a 23% fall in fourth-quarter adjusted profit to $2.3 billion on Friday, hit by lower natural gas prices, but still topped analysts' expectations of $2.1 billion. The company kept its quarterly dividend unchanged at 91 cents a share and said it would buy back $4 billion of shares in 2025.",
        True,
    ),
    (
        "Meridian holds dividend, plans $4 bln buyback in 2025",
        "Jan 31 (Reuters) - Meridian Oil & Gas posted a 23% fall in fourth-quarter adjusted profit to $2.3 billion on Friday, hit by lower natural gas prices, but still topped analysts' expectations of $2.1 billion. The company kept its quarterly dividend unchanged at 91 cents a share and said it would buy back $4 billion of shares in 2025.",
        True,
    ),
    (
        "Brisa Telecom H1 revenue flat, profit slips 6%",
        "LISBON, July 25 (Reuters) - Brisa Telecom's first-half revenue was flat at 3.4 billion euros, the Portuguese operator said on Thursday, while net profit fell 6% to 410 million euros on higher financing costs.",
        True,
    ),
    (
        "German 10-yr yield rises 6 bps to 2-week high",
        "LONDON, Oct 22 (Reuters) - Euro zone bond yields rose on Tuesday as investors scaled back bets on large European Central Bank rate cuts. Germany's 10-year Bund yield climbed 6 basis points to 2.31%, its highest in two weeks.",
        True,
    ),
    (
        "Starboard takes about 5% stake in Veltrix, seeks board changes",
        "NEW YORK, Sept 19 (Reuters) - Activist investor Starboard Value has taken a stake of about 5% in Veltrix Corp and is pushing for changes to the software company's board, according to a letter seen by Reuters. Veltrix shares rose 7% in morning trading.",
        True,
    ),
    (
        "Alvaria shares jump 22% as obesity drug shows 15% weight loss",
        "June 11 (Reuters) - Alvaria Therapeutics said on Tuesday its experimental obesity drug helped patients lose an average of 15.3% of their body weight after 48 weeks in a mid-stage trial. Shares of the company jumped 22% in morning trading.",
        True,
    ),
    (
        "Turkey central bank holds rates at 50%, as expected",
        "ANKARA, Sept 19 (Reuters) - Turkey's central bank kept its benchmark one-week repo rate unchanged at 50% on Thursday, as expected, saying it would maintain a tight stance until inflation falls significantly.",
        True,
    ),
    (
        "Tesla Q2 deliveries fall nearly 5% but beat estimates",
        "July 2 (Reuters) - Tesla Inc delivered 443,956 vehicles in the second quarter, down 4.8% from a year earlier but above analysts' estimates of about 438,000, the electric carmaker said on Tuesday. Its shares rose 6%.",
        True,
    ),
    (
        "Redwood Mart raises FY outlook after Q2 beat",
        "Aug 15 (Reuters) - Redwood Mart raised its annual sales and profit forecasts on Thursday after second-quarter results beat expectations. The retailer now expects fiscal 2025 net sales to grow 3.75% to 4.75%, up from 3% to 4%, and adjusted earnings of $2.35 to $2.43 per share.",
        True,
    ),
    (
        "QNTX surges 31% on S&P 500 inclusion",
        "Sept 10 (Reuters) - Shares of Quantix Holdings (QNTX.O) surged 31% on Tuesday after S&P Dow Jones Indices said the data analytics firm would be added to the S&P 500 index later this month.",
        True,
    ),
    (
        "Banca Orsina bids 10 bln euros for Credito Valdena",
        "MILAN, Nov 25 (Reuters) - Italy's Banca Orsina launched a 10 billion euro ($10.9 billion) all-share takeover bid for rival Credito Valdena on Monday, in a move that would create the country's third-largest lender. Credito Valdena said it would review the offer.",
        True,
    ),
    (
        "European gas prices hit year high as Norway outages cut supply",
        "LONDON, Nov 21 (Reuters) - European gas prices rose to their highest this year on Thursday as outages at Norwegian processing plants cut supply. The Dutch front-month contract at the TTF hub rose 4.5% to 47.20 euros per megawatt hour by 0900 GMT.",
        True,
    ),
    (
        "Bitcoin slumps below $54,000, lowest since early August",
        "Sept 6 (Reuters) - Bitcoin fell as much as 7% on Friday to below $54,000, its lowest since early August, as weak U.S. jobs data hit risk assets. The world's largest cryptocurrency was last down 4.1% at $54,980.",
        True,
    ),
    (
        "RBI holds repo rate at 6.5% for ninth straight meeting",
        "MUMBAI, Aug 8 (Reuters) - The Reserve Bank of India kept its key repo rate unchanged at 6.50% for a ninth straight meeting on Thursday. The monetary policy committee voted 4-2 to hold the rate.",
        True,
    ),
    (
        "LVMH Q3 sales drop 3%, miss forecasts",
        "PARIS, Oct 15 (Reuters) - LVMH's third-quarter sales fell 3% on an organic basis to 19.08 billion euros, missing expectations, as demand for luxury goods slowed in China.",
        True,
    ),
    (
        "Apple unveils record $110 bln buyback, lifts dividend 4%",
        "May 2 (Reuters) - Apple Inc announced a record $110 billion share buyback on Thursday and raised its quarterly dividend by 4% to 25 cents a share, even as iPhone sales fell 10% in the March quarter.",
        True,
    ),
    (
        "Workers strike at Arcadia Copper's Chile mine after wage talks fail",
        "SANTIAGO, Oct 8 (Reuters) - Workers at Arcadia Copper's Los Pinos mine in Chile went on strike on Tuesday after wage talks broke down, the union said. The mine produced 310,000 metric tons of copper last year.",
        True,
    ),
    (
        "Saudi Arabia sells $12 bln of bonds, demand tops $30 bln",
        "DUBAI, Jan 9 (Reuters) - Saudi Arabia raised $12 billion from a three-tranche bond sale on Tuesday, drawing orders of more than $30 billion, according to a document seen by Reuters.",
        True,
    ),
    (
        "Norvex Q3 profit jumps 36%, beats forecasts",
        "TAIPEI, Oct 17 (Reuters) - Taiwan's Norvex Electronics reported a 36% jump in third-quarter net profit to T$98.3 billion ($3.06 billion), beating analysts' forecasts, on strong demand for AI servers.",
        True,
    ),
    (
        "Alpen Re sees about $1.1 bln in Hurricane Milton claims",
        "ZURICH, Oct 14 (Reuters) - Swiss reinsurer Alpen Re expects claims of about $1.1 billion from Hurricane Milton, the company said on Monday, adding that it would still meet its full-year profit target.",
        True,
    ),
    (
        "Brenford Chemicals halves quarterly dividend",
        "Feb 21 (Reuters) - Brenford Chemicals cut its quarterly dividend by half to 25 cents per share on Wednesday, as the chemicals maker grapples with weak demand in Europe. Its shares fell 5%.",
        True,
    ),
    (
        "U.S. 10-year Treasury yield falls 8 bps to 3.84%",
        "NEW YORK, Sept 3 (Reuters) - The yield on benchmark 10-year U.S. Treasury notes fell 8 basis points to 3.84% on Tuesday after manufacturing data came in weaker than expected.",
        True,
    ),
    (
        "Fintera Q1 revenue up 12% yr/yr at 1.3 bln pounds",
        "LONDON, May 8 (Reuters) - Fintera Group's first-quarter revenue rose 12% from a year earlier to 1.3 billion pounds, the payments company said on Wednesday, helped by growth in card volumes.",
        True,
    ),
    (
        "Holloway Industries to spin off aerospace unit in H2 2025",
        "Nov 12 (Reuters) - Holloway Industries plans to spin off its aerospace unit into a separate listed company in the second half of 2025, the conglomerate said on Tuesday.",
        True,
    ),
    (
        "EU fines Zentrix 1.8 bln euros over abuse of dominance",
        "BRUSSELS, March 4 (Reuters) - The European Commission fined Zentrix 1.8 billion euros ($1.95 billion) on Monday for abusing its dominance in the market for music streaming apps.",
        True,
    ),
    (
        "Powell says 'time has come' for Fed to cut rates",
        'JACKSON HOLE, Wyoming, Aug 23 (Reuters) - Federal Reserve Chair Jerome Powell said on Friday that "the time has come for policy to adjust," signalling interest rate cuts as soon as next month.',
        True,
    ),
    (
        "OPEC+ delays planned oil output hike by two months",
        "Sept 5 (Reuters) - OPEC+ agreed on Thursday to delay a planned oil output increase for October and November, pushing it back by two months. The group had planned to raise output by 180,000 barrels per day in October.",
        True,
    ),
    (
        "U.S. judge blocks Skyward's $3.8 bln Pelican Air deal",
        "BOSTON, Jan 16 (Reuters) - A U.S. judge on Tuesday blocked Skyward Airlines' $3.8 billion acquisition of Pelican Air, siding with the Justice Department, which had argued the deal would raise fares.",
        True,
    ),
    (
        "U.S. existing home sales fall 2.5% in Aug; prices up 3.1% yr/yr",
        "WASHINGTON, Sept 23 (Reuters) - Sales of previously owned U.S. homes fell 2.5% in August to a seasonally adjusted annual rate of 3.86 million units, the National Association of Realtors said on Monday. The median existing-home price rose 3.1% from a year earlier to $416,700.",
        True,
    ),
    (
        "BlackRock AUM hits record $11.5 trln",
        "Oct 11 (Reuters) - BlackRock Inc's assets under management hit a record $11.5 trillion at the end of the third quarter, the world's largest asset manager said on Friday.",
        True,
    ),
    (
        "Euro slips as euro zone business activity shrinks",
        "LONDON, Oct 24 (Reuters) - The euro fell 0.5% to $1.0780 on Thursday after data showed euro zone business activity unexpectedly shrank in October.",
        True,
    ),
    (
        "Kestral Mining Q3 iron ore shipments edge up 1%",
        "MELBOURNE, Oct 16 (Reuters) - Kestral Mining's iron ore shipments rose 1% in the third quarter to 83.9 million metric tons, the miner said on Wednesday.",
        True,
    ),
    (
        "Microsoft Q1 revenue rises 16% to $65.6 bln, beats estimates",
        "Oct 30 (Reuters) - Microsoft Corp's fiscal first-quarter revenue rose 16% to $65.6 billion, beating estimates, the company said on Wednesday.",
        True,
    ),
    (
        "NY cocoa futures hit record above $11,700/t",
        "LONDON, April 19 (Reuters) - Cocoa futures in New York hit a record high of $11,722 a metric ton on Friday on concerns about poor harvests in West Africa.",
        True,
    ),
    (
        "Hoshiro Telecom to buy Ridgeline Data for $2.9 bln",
        "TOKYO, May 9 (Reuters) - Japan's Hoshiro Telecom agreed to acquire U.S. data centre operator Ridgeline Data for 450 billion yen ($2.9 billion), the companies said on Thursday.",
        True,
    ),
    (
        "Vantage Biotech shares tumble 41% after Alzheimer's drug fails trial",
        "Sept 16 (Reuters) - Shares of Vantage Biotech tumbled 41% on Monday after the company said its experimental Alzheimer's drug failed to slow cognitive decline in a late-stage trial.",
        True,
    ),
    (
        "HSBC H1 pretax profit slips 3%, unveils $3 bln buyback",
        "HONG KONG, July 31 (Reuters) - HSBC Holdings Plc reported a 3% fall in first-half pretax profit to $21.6 billion on Wednesday and announced a new share buyback of up to $3 billion.",
        True,
    ),
    (
        "UBS posts Q4 net loss on Credit Suisse costs, plans $1 bln buyback",
        "ZURICH, Feb 6 (Reuters) - UBS Group AG posted a net loss of $279 million for the fourth quarter on Tuesday, as costs tied to its takeover of Credit Suisse weighed. The bank said it would buy back up to $1 billion of shares this year.",
        True,
    ),
    (
        "Samsung Q3 operating profit seen up 274%, misses forecasts",
        "SEOUL, Oct 8 (Reuters) - Samsung Electronics estimated its third-quarter operating profit rose 274% from a year earlier to 9.1 trillion won ($6.8 billion), below analysts' forecasts of 10.3 trillion won.",
        True,
    ),
    (
        "RBA holds cash rate at 4.35%, as expected",
        "SYDNEY, Nov 5 (Reuters) - The Reserve Bank of Australia held its cash rate at a 12-year high of 4.35% on Tuesday, as expected, and said policy would need to stay restrictive.",
        True,
    ),
    (
        "Chicago wheat hits 10-month high above $7/bushel",
        "CHICAGO, May 28 (Reuters) - Chicago wheat futures rose 2.1% to $7.02 a bushel on Tuesday, their highest in 10 months, as dry weather in Russia threatened crops.",
        True,
    ),
    (
        "Dollar slips 0.7% vs yen on U.S. rate cut bets",
        "TOKYO, Sept 16 (Reuters) - The Japanese yen strengthened past 140 per dollar on Monday for the first time since July 2023 as traders bet on a large U.S. rate cut this week. The dollar fell 0.7% to 139.58 yen.",
        True,
    ),
    (
        "Gold hits record high as weak U.S. jobs data fuels rate cut bets",
        "SINGAPORE, March 8 (Reuters) - Gold prices rose to an all-time high on Friday as weaker U.S. jobs data bolstered bets on a June rate cut. Spot gold rose 0.6% to $2,172.50 per ounce by 0630 GMT.",
        True,
    ),
    (
        "Fed holds rates steady, opens door to September cut",
        "WASHINGTON, July 31 (Reuters) - The Federal Reserve left interest rates unchanged on Wednesday in the 5.25%-5.50% range, but opened the door to a cut as soon as September. All 12 voting members of the Federal Open Market Committee voted to keep rates steady.",
        True,
    ),
    (
        "Fed keeps rates on hold, signals September cut possible",
        "WASHINGTON, July 31 (Reuters) - The Federal Reserve left interest rates unchanged on Wednesday in the 5.25%-5.50% range, but opened the door to a cut as soon as September. All 12 voting members of the Federal Open Market Committee voted to keep rates steady.",
        True,
    ),
    (
        "Fed cuts rates by a quarter point, as expected",
        "WASHINGTON, Nov 7 (Reuters) - The Federal Reserve cut its benchmark rate by 25 basis points on Thursday to the 4.50%-4.75% range, as expected.",
        True,
    ),
    (
        "Fed cuts rates by 25 bps to 4.50%-4.75% range",
        "WASHINGTON, Nov 7 (Reuters) - The Federal Reserve cut its benchmark rate by 25 basis points on Thursday to the 4.50%-4.75% range, as expected.",
        True,
    ),
    (
        "ECB holds rates steady, keeps door open to September cut",
        "FRANKFURT, July 18 (Reuters) - The European Central Bank left interest rates unchanged on Thursday, with its deposit rate at 3.75%, and kept the door open to a cut in September.",
        True,
    ),
    (
        "Zeller Pharma rejects $10.9 bln Garnet takeover approach",
        "ZURICH, Nov 14 (Reuters) - Zeller Pharma AG's board rejected a 9.6 billion Swiss franc ($10.9 billion) takeover approach from U.S. rival Garnet Biosciences on Thursday, saying it undervalued the company. Zeller said the offer of 87 francs per share was opportunistic.",
        True,
    ),
    (
        "Zeller Pharma rejects Garnet's $10.9 bln takeover approach",
        "ZURICH, Nov 14 (Reuters) - Zeller Pharma AG rebuffed a 9.6 billion Swiss franc ($10.9 billion) takeover approach from U.S. rival Garnet Biosciences on Thursday, saying it undervalued the company.",
        True,
    ),
    (
        "Zeller rebuffs 9.6 bln franc Garnet bid",
        "ZURICH, Nov 14 (Reuters) - Zeller Pharma AG rebuffed a 9.6 billion Swiss franc ($10.9 billion) takeover approach from U.S. rival Garnet Biosciences on Thursday, saying it undervalued the company.",
        True,
    ),
    (
        "Pixelorb to cut about 1,200 jobs, or 10% of workforce - memo",
        "SAN FRANCISCO, Jan 10 (Reuters) - Pixelorb Inc is cutting about 1,200 jobs, or roughly 10% of its workforce, as the video-game maker reorganises around fewer titles, according to an internal memo seen by Reuters.",
        True,
    ),
    (
        "Pixelorb lays off about 1,200 workers",
        "SAN FRANCISCO, Jan 10 (Reuters) - Pixelorb Inc is cutting about 1,200 jobs, or roughly 10% of its workforce, as the video-game maker reorganises around fewer titles, according to an internal memo seen by Reuters.",
        True,
    ),
    (
        "Pixelorb to shed 10% of staff",
        "SAN FRANCISCO, Jan 10 (Reuters) - Pixelorb Inc is cutting about 1,200 jobs, or roughly 10% of its workforce, as the video-game maker reorganises around fewer titles, according to an internal memo seen by Reuters.",
        True,
    ),
    (
        "Corvina Foods swings to Q4 profit as price hikes lift margins",
        "Feb 27 (Reuters) - Corvina Foods reported fourth-quarter net income of $84 million on Tuesday, compared with a loss of $31 million a year earlier, as price increases and lower ingredient costs lifted margins. Revenue rose 5% to $2.41 billion.",
        True,
    ),
    (
        "Corvina Foods posts Q4 profit vs year-ago loss",
        "Feb 27 (Reuters) - Corvina Foods reported fourth-quarter net income of $84 million on Tuesday, compared with a loss of $31 million a year earlier, as price increases and lower ingredient costs lifted margins. Revenue rose 5% to $2.41 billion.",
        True,
    ),
    (
        "Ridewell Q1 loss narrows as trips rise 21%",
        "May 9 (Reuters) - Ridewell Technologies' first-quarter net loss narrowed to $112 million from $348 million a year earlier, the ride-hailing company said on Thursday, as trips rose 21%.",
        True,
    ),
    (
        "Oil jumps 5% after Iran missile attack on Israel",
        "LONDON, Oct 1 (Reuters) - Oil prices jumped about 5% on Tuesday after Iran launched a missile attack on Israel. Brent crude futures rose $3.63, or 5.0%, to $75.33 a barrel by 1830 GMT, having earlier risen above $75 for the first time in a week.",
        True,
    ),
    (
        "Brent tops $75 after Iran missile attack on Israel",
        "LONDON, Oct 1 (Reuters) - Oil prices jumped about 5% on Tuesday after Iran launched a missile attack on Israel. Brent crude futures rose $3.63, or 5.0%, to $75.33 a barrel by 1830 GMT, having earlier risen above $75 for the first time in a week.",
        True,
    ),
    (
        "Talvo Networks Q3 revenue rises nearly 10%, beats estimates",
        "Oct 23 (Reuters) - Talvo Networks reported third-quarter revenue of $4.83 billion on Wednesday, up 9.6% from a year earlier, as demand for its cloud security products grew. Analysts on average had expected $4.71 billion.",
        True,
    ),
    (
        "Talvo Networks Q3 revenue tops $4.8 bln, beats estimates",
        "Oct 23 (Reuters) - Talvo Networks reported third-quarter revenue of $4.83 billion on Wednesday, up 9.6% from a year earlier, as demand for its cloud security products grew. Analysts on average had expected $4.71 billion.",
        True,
    ),
    (
        "UK house prices flat in February - Nationwide",
        "LONDON, March 1 (Reuters) - British house prices were unchanged in February compared with January, mortgage lender Nationwide said on Friday, confounding economists' expectations of a 0.3% rise.",
        True,
    ),
    (
        "EU court orders Dravo to pay 2.4 bln euros in Irish back taxes",
        "BRUSSELS, Sept 10 (Reuters) - Dravo SA must pay 2.4 billion euros in back taxes to Ireland, the European Union's top court ruled on Tuesday, in a win for EU antitrust regulators.",
        True,
    ),
    (
        "Dravo must pay €2.4 bln in back taxes, EU court rules",
        "BRUSSELS, Sept 10 (Reuters) - Dravo SA must pay 2.4 billion euros in back taxes to Ireland, the European Union's top court ruled on Tuesday, in a win for EU antitrust regulators.",
        True,
    ),
    (
        "Thornbury annual pretax profit up 14% at £1.3 bln",
        "LONDON, Feb 22 (Reuters) - Thornbury Group reported annual pretax profit of 1.3 billion pounds on Thursday, up 14% from a year earlier, and raised its dividend by 10% to 32 pence a share.",
        True,
    ),
    (
        "Thornbury FY profit rises 14%, dividend up 10%",
        "LONDON, Feb 22 (Reuters) - Thornbury Group reported annual pretax profit of 1.3 billion pounds on Thursday, up 14% from a year earlier, and raised its dividend by 10% to 32 pence a share.",
        True,
    ),
    (
        "Hoshiro Telecom to buy Ridgeline Data for ¥450 bln",
        "TOKYO, May 9 (Reuters) - Japan's Hoshiro Telecom agreed to acquire U.S. data centre operator Ridgeline Data for 450 billion yen ($2.9 billion), the companies said on Thursday.",
        True,
    ),
    (
        "Corvane Chips Q2 revenue more than doubles to $30 bln",
        "Aug 28 (Reuters) - Corvane Chips' second-quarter revenue rose 122% to $30.0 billion, the chip designer said on Wednesday, driven by demand for its data centre processors.",
        True,
    ),
    (
        "Veloria cuts 2024 sales forecast on weak China demand",
        "PARIS, Oct 9 (Reuters) - Veloria SA lowered its 2024 sales forecast on Wednesday, now expecting organic growth of about 1%, down from a previous range of 2% to 3%, citing weaker demand in China. Its shares fell 7.5%.",
        True,
    ),
    (
        "Veloria trims 2024 sales outlook, shares fall 7.5%",
        "PARIS, Oct 9 (Reuters) - Veloria SA lowered its 2024 sales forecast on Wednesday, now expecting organic growth of about 1%, down from a previous range of 2% to 3%, citing weaker demand in China. Its shares fell 7.5%.",
        True,
    ),
    (
        "Ambrix raises FY earnings forecast after Q3 beat",
        "Oct 24 (Reuters) - Ambrix Corp lifted its full-year earnings forecast on Thursday after third-quarter profit beat Wall Street estimates. It now expects adjusted earnings of $8.20 to $8.40 per share, up from $7.90 to $8.10.",
        True,
    ),
    (
        "Crestel Automotive Q2 revenue misses estimates, profit falls 45%",
        "July 23 (Reuters) - Crestel Automotive's second-quarter revenue of $25.5 billion fell short of analysts' average estimate of $26.2 billion, according to LSEG data. Net profit fell 45% to $1.48 billion.",
        True,
    ),
    (
        "Brightpath in advanced talks to buy Lindell Software for about $5 bln - sources",
        "NEW YORK, June 3 (Reuters) - Brightpath Capital is in advanced talks to acquire Lindell Software for about $5 billion, including debt, according to people familiar with the matter. A deal could be announced as soon as next week, the sources said.",
        True,
    ),
    (
        "Harwick weighs sale of European insurance unit - sources",
        "LONDON, April 2 (Reuters) - Harwick Plc is considering a sale of its European insurance unit, which could be valued at about 2 billion pounds, people familiar with the matter said.",
        True,
    ),
    (
        "Ardent Motors to shut Illinois plant, affecting 1,350 workers",
        "DETROIT, Oct 17 (Reuters) - Ardent Motors will close its assembly plant in Belvidere, Illinois, by the end of March, affecting about 1,350 workers, the carmaker said on Thursday.",
        True,
    ),
    (
        "FTSE 100 edges up 0.3% as miners gain",
        "LONDON, Dec 3 (Reuters) - Britain's FTSE 100 index closed up 0.3% at 8,359.37 on Tuesday, with mining shares rising after China data, while the midcap FTSE 250 index slipped 0.1%.",
        True,
    ),
    (
        "Orland Telecom halves quarterly dividend to cut debt",
        "Jan 24 (Reuters) - Orland Telecom cut its quarterly dividend to 15 cents a share from 30 cents on Wednesday, as the wireless carrier tries to reduce its debt.",
        True,
    ),
    (
        "Orland Telecom slashes dividend by half",
        "Jan 24 (Reuters) - Orland Telecom cut its quarterly dividend to 15 cents a share from 30 cents on Wednesday, as the wireless carrier tries to reduce its debt.",
        True,
    ),
    (
        "S&P upgrades Veltria to investment grade",
        "Oct 11 (Reuters) - S&P Global Ratings raised Veltria's long-term sovereign credit rating to BBB- from BB+ on Friday, lifting the country to investment grade, citing improved fiscal discipline.",
        True,
    ),
    (
        "U.S. 2-year yield rises nearly 8 bps to 3.70%",
        "NEW YORK, Oct 3 (Reuters) - The yield on two-year U.S. Treasury notes rose 7.6 basis points to 3.70% on Thursday after strong services data.",
        True,
    ),
    (
        "Caldera Gaming shares rise about 10% on strong Macau revenue",
        "Aug 1 (Reuters) - Shares of Caldera Gaming rose 10.2% on Thursday after the casino operator reported higher than expected quarterly revenue from its Macau resorts.",
        True,
    ),
    (
        "Marrow Energy to buy Tallis Resources for about $5 bln in stock",
        "Oct 2 (Reuters) - Marrow Energy agreed to buy Tallis Resources for $4.8 billion in stock, the oil and gas producers said on Wednesday.",
        True,
    ),
    (
        "Marrow Energy to buy Tallis for nearly $5 bln",
        "Oct 2 (Reuters) - Marrow Energy agreed to buy Tallis Resources for $4.8 billion in stock, the oil and gas producers said on Wednesday.",
        True,
    ),
    (
        "Halvorsen Q3 revenue up 18 pct yr/yr at $1.9 bln",
        "OSLO, Oct 24 (Reuters) - Norwegian shipping group Halvorsen ASA reported a third-quarter net profit of $412 million on Thursday, beating the $365 million expected by analysts in an LSEG poll. Revenue rose 18% year on year to $1.9 billion as container freight rates climbed on disruptions in the Red Sea. The company raised its full-year EBITDA guidance to between $2.4 billion and $2.6 billion. Shares in Halvorsen rose 6.2% in early Oslo trading.",
        True,
    ),
    (
        "Rupee hits record low against dollar on foreign outflows",
        "MUMBAI, Oct 11 (Reuters) - The Indian rupee fell to an all-time low of 84.0950 against the U.S. dollar on Friday, pressured by foreign outflows from local equities.",
        True,
    ),
    (
        "EXCLUSIVE-Brightpath in advanced talks to buy Lindell for about $5 bln",
        "NEW YORK, June 3 (Reuters) - Brightpath Capital is in advanced talks to acquire Lindell Software for about $5 billion, including debt, according to people familiar with the matter. A deal could be announced as soon as next week, the sources said.",
        True,
    ),
    (
        "ECB's Lagarde: policy decisions to remain data dependent",
        "FRANKFURT, Oct 17 (Reuters) - European Central Bank President Christine Lagarde said on Thursday that the bank's policy decisions would remain data dependent, after the ECB cut rates for the third time this year.",
        True,
    ),
    (
        "ECB cuts rates for third time this year - Lagarde",
        "FRANKFURT, Oct 17 (Reuters) - European Central Bank President Christine Lagarde said on Thursday that the bank's policy decisions would remain data dependent, after the ECB cut rates for the third time this year.",
        True,
    ),
    (
        "Apple taps Goldman, Morgan Stanley for dollar bond sale",
        "May 6 (Reuters) - Apple Inc has hired Goldman Sachs and Morgan Stanley to manage a multi-part U.S. dollar bond sale, its first since 2023, according to a term sheet seen by Reuters.",
        True,
    ),
    (
        "French bank Banque Morvan to buy back up to 1 bln euros of shares",
        "PARIS, Nov 28 (Reuters) - France's Banque Morvan said on Thursday it would buy back up to 1 billion euros of its own shares after its core capital ratio rose to 13.2%.",
        True,
    ),
    (
        "Wall Street tumbles after Fed signals fewer rate cuts",
        "NEW YORK, Dec 18 (Reuters) - U.S. stocks tumbled on Wednesday after the Federal Reserve signalled fewer rate cuts next year. The Dow Jones Industrial Average fell 2.6% and the S&P 500 lost 2.9%.",
        True,
    ),
    (
        "UPDATE 2-Halvorsen Q3 profit beats forecasts, raises FY guidance",
        "OSLO, Oct 24 (Reuters) - Norwegian shipping group Halvorsen ASA reported a third-quarter net profit of $412 million on Thursday, beating the $365 million expected by analysts in an LSEG poll. Revenue rose 18% year on year to $1.9 billion as container freight rates climbed on disruptions in the Red Sea. The company raised its full-year EBITDA guidance to between $2.4 billion and $2.6 billion. Shares in Halvorsen rose 6.2% in early Oslo trading.",
        True,
    ),
    (
        "BRIEF-Delmar Semiconductor sees Q4 revenue of $1.45 bln",
        "Oct 30 (Reuters) - Shares of Delmar Semiconductor tumbled 14% in extended trading on Wednesday after the chipmaker forecast fourth-quarter revenue below Wall Street estimates, hurt by weak demand from industrial customers. Delmar expects fourth-quarter revenue of $1.45 billion, plus or minus $50 million, compared with analysts' average estimate of $1.61 billion, according to LSEG data. Third-quarter revenue rose 9% to $1.52 billion.",
        True,
    ),
    (
        "JPMorgan Profit Jumps 25% on One-Time Visa Gain",
        "July 12 (Reuters) - JPMorgan Chase & Co's second-quarter profit rose 25% to $18.15 billion, or $6.12 per share, boosted by a one-time gain of $7.9 billion from its Visa shares. Net interest income rose 4% to $22.9 billion. Investment banking fees jumped 52%, the bank said on Friday.",
        True,
    ),
    (
        "Oil Falls Most in a Week as U.S. Recession Fears Mount",
        "LONDON, Aug 5 (Reuters) - Oil prices fell more than 2% on Monday, extending last week's losses, as fears of a U.S. recession outweighed concerns about supply disruptions in the Middle East. Brent crude futures were down $1.83, or 2.4%, at $75.98 a barrel by 1045 GMT. U.S. West Texas Intermediate crude futures fell $1.90, or 2.6%, to $71.62.",
        True,
    ),
    (
        "China's Q2 GDP grows 4.7% y/y, below forecasts",
        "BEIJING, July 15 (Reuters) - China's economy grew 4.7% in the second quarter from a year earlier, the weakest pace since the first quarter of 2023, official data showed on Monday, missing forecasts of 5.1% in a Reuters poll. Retail sales rose 2.0% in June, the slowest since December 2022.",
        True,
    ),
    (
        "China June retail sales up 2.0% y/y, slowest since Dec 2022",
        "BEIJING, July 15 (Reuters) - China's economy grew 4.7% in the second quarter from a year earlier, the weakest pace since the first quarter of 2023, official data showed on Monday, missing forecasts of 5.1% in a Reuters poll. Retail sales rose 2.0% in June, the slowest since December 2022.",
        True,
    ),
    (
        "Stellmark cuts FY24 margin outlook",
        "MILAN, Sept 30 (Reuters) - Stellmark NV cut its full-year margin forecast on Monday, now expecting an adjusted operating margin of 5.5% to 7.0% for 2024, down from a previous double-digit target, due to weak sales in North America. Shares in the carmaker fell 12% in Milan.",
        True,
    ),
    (
        "Quantix (QNTX.O) surges 31% on S&P 500 inclusion",
        "Sept 10 (Reuters) - Shares of Quantix Holdings (QNTX.O) surged 31% on Tuesday after S&P Dow Jones Indices said the data analytics firm would be added to the S&P 500 index later this month.",
        True,
    ),
    (
        "Tesla Q2 deliveries fall 4.8 pct but top estimates",
        "July 2 (Reuters) - Tesla Inc delivered 443,956 vehicles in the second quarter, down 4.8% from a year earlier but above analysts' estimates of about 438,000, the electric carmaker said on Tuesday. Its shares rose 6%.",
        True,
    ),
    (
        "Nordavia swings to Q1 loss on fuel costs, pilots' strike",
        "STOCKHOLM, April 25 (Reuters) - Nordavia Airlines swung to a net loss of 1.2 billion Swedish crowns ($115 million) in the first quarter from a profit of 300 million crowns a year earlier, hit by higher fuel costs and a pilots' strike. Revenue rose 4% to 9.8 billion crowns.",
        True,
    ),
    (
        "Apple shares: record $110 bln buyback as iPhone sales fall 10%",
        "May 2 (Reuters) - Apple Inc announced a record $110 billion share buyback on Thursday and raised its quarterly dividend by 4% to 25 cents a share, even as iPhone sales fell 10% in the March quarter.",
        True,
    ),
    (
        "Halvorsen Q3 profit misses estimates",
        "OSLO, Oct 24 (Reuters) - Norwegian shipping group Halvorsen ASA reported a third-quarter net profit of $412 million on Thursday, beating the $365 million expected by analysts in an LSEG poll. Revenue rose 18% year on year to $1.9 billion as container freight rates climbed on disruptions in the Red Sea. The company raised its full-year EBITDA guidance to between $2.4 billion and $2.6 billion. Shares in Halvorsen rose 6.2% in early Oslo trading.",
        False,
    ),
    (
        "Halvorsen cuts FY guidance as freight rates climb",
        "OSLO, Oct 24 (Reuters) - Norwegian shipping group Halvorsen ASA reported a third-quarter net profit of $412 million on Thursday, beating the $365 million expected by analysts in an LSEG poll. Revenue rose 18% year on year to $1.9 billion as container freight rates climbed on disruptions in the Red Sea. The company raised its full-year EBITDA guidance to between $2.4 billion and $2.6 billion. Shares in Halvorsen rose 6.2% in early Oslo trading.",
        False,
    ),
    (
        "Fed raises rates by 50 bps",
        "WASHINGTON, Sept 18 (Reuters) - The Federal Reserve cut interest rates by half a percentage point on Wednesday, lowering the benchmark overnight rate to the 4.75%-5.00% range. It was the U.S. central bank's first rate cut since 2020. Policymakers projected a further half point of cuts by the end of this year. Fed Governor Michelle Bowman dissented in favor of a quarter-point cut.",
        False,
    ),
    (
        "ECB cuts rates by 50 bps to 3.75%",
        "FRANKFURT, June 6 (Reuters) - The European Central Bank cut its deposit rate by 25 basis points to 3.75% on Thursday, its first reduction since 2019. But the ECB raised its inflation projections for this year and next and gave no commitment to further moves. Inflation in the euro zone rose to 2.6% in May from 2.4% in April.",
        False,
    ),
    (
        "Oil rises over 2% on Middle East supply concerns",
        "LONDON, Aug 5 (Reuters) - Oil prices fell more than 2% on Monday, extending last week's losses, as fears of a U.S. recession outweighed concerns about supply disruptions in the Middle East. Brent crude futures were down $1.83, or 2.4%, at $75.98 a barrel by 1045 GMT. U.S. West Texas Intermediate crude futures fell $1.90, or 2.6%, to $71.62.",
        False,
    ),
    (
        "Gold hits record high above $2,600/oz",
        "Aug 20 (Reuters) - Gold prices hit a record high on Tuesday as expectations of U.S. interest rate cuts weighed on the dollar. Spot gold rose 0.8% to $2,531.60 per ounce by 0930 GMT, after touching an all-time high of $2,549.70 earlier in the session. U.S. gold futures gained 0.7% to $2,563.40.",
        False,
    ),
    (
        "Bexley Foods completes $3.2 bln Crunchfield acquisition",
        "NEW YORK, Nov 4 (Reuters) - Bexley Foods Inc agreed to buy snack maker Crunchfield Brands for $3.2 billion in cash, the companies said on Monday, as packaged food makers look for growth in faster-selling categories. Bexley will pay $48 per share, a 27% premium to Crunchfield's closing price on Friday. The deal is expected to close in the first half of 2025, subject to regulatory approvals.",
        False,
    ),
    (
        "Bexley to buy Crunchfield for $4.2 bln",
        "NEW YORK, Nov 4 (Reuters) - Bexley Foods Inc agreed to buy snack maker Crunchfield Brands for $3.2 billion in cash, the companies said on Monday, as packaged food makers look for growth in faster-selling categories. Bexley will pay $48 per share, a 27% premium to Crunchfield's closing price on Friday. The deal is expected to close in the first half of 2025, subject to regulatory approvals.",
        False,
    ),
    (
        "Vantor Energy agrees to sell Permian assets for $4 bln",
        "HOUSTON, March 12 (Reuters) - Vantor Energy is exploring a sale of its Permian Basin assets that could fetch about $4 billion, according to three people familiar with the matter. The company has hired Morgan Stanley to run the process, the sources said, asking not to be named because the talks are private. No final decision has been made. Vantor declined to comment.",
        False,
    ),
    (
        "Delmar shares jump 14% on strong Q4 forecast",
        "Oct 30 (Reuters) - Shares of Delmar Semiconductor tumbled 14% in extended trading on Wednesday after the chipmaker forecast fourth-quarter revenue below Wall Street estimates, hurt by weak demand from industrial customers. Delmar expects fourth-quarter revenue of $1.45 billion, plus or minus $50 million, compared with analysts' average estimate of $1.61 billion, according to LSEG data. Third-quarter revenue rose 9% to $1.52 billion.",
        False,
    ),
    (
        "Kronberg to cut 5,300 jobs",
        "MUNICH, Feb 13 (Reuters) - Kronberg AG will cut around 3,500 jobs worldwide, or about 7% of its workforce, by the end of 2026, the German industrial group said on Tuesday. The cuts are part of a programme to save 600 million euros ($650 million) a year. Most of the jobs will go in Germany and the United States.",
        False,
    ),
    (
        "Kronberg to cut 3,500 jobs, save $600 mln a year",
        "MUNICH, Feb 13 (Reuters) - Kronberg AG will cut around 3,500 jobs worldwide, or about 7% of its workforce, by the end of 2026, the German industrial group said on Tuesday. The cuts are part of a programme to save 600 million euros ($650 million) a year. Most of the jobs will go in Germany and the United States.",
        False,
    ),
    (
        "U.S. adds 242,000 jobs in August",
        "WASHINGTON, Sept 6 (Reuters) - U.S. employers added 142,000 jobs in August, below economists' expectations of 160,000, the Labor Department said on Friday. The unemployment rate dipped to 4.2% from 4.3% in July. Job growth in June and July was revised down by a combined 86,000.",
        False,
    ),
    (
        "BoE cuts rates to 4.5%",
        "LONDON, Nov 7 (Reuters) - The Bank of England cut interest rates by a quarter of a percentage point to 4.75% on Thursday. The Monetary Policy Committee voted 8-1 for the cut, with Catherine Mann voting to hold rates. Governor Andrew Bailey said rates were likely to continue to fall gradually.",
        False,
    ),
    (
        "BOJ cuts rates to 0.25%",
        "TOKYO, July 31 (Reuters) - The Bank of Japan raised short-term interest rates to 0.25% from a range of 0-0.1% on Wednesday. It also unveiled a plan to taper its bond buying, halving monthly purchases to about 3 trillion yen ($20 billion) by early 2026.",
        False,
    ),
    (
        "Nasdaq tumbles 4.3%, worst day since 2022",
        "NEW YORK, Aug 5 (Reuters) - U.S. stocks closed sharply lower on Monday as fears of a U.S. recession sparked a global sell-off. The S&P 500 lost 3.0% to end at 5,186.33 points, its biggest one-day drop since September 2022. The Nasdaq Composite lost 3.4% to 16,200.08 and the Dow Jones Industrial Average fell 1,033.99 points, or 2.6%, to 38,703.27.",
        False,
    ),
    (
        "Yen weakens past 140 per dollar",
        "TOKYO, Sept 16 (Reuters) - The Japanese yen strengthened past 140 per dollar on Monday for the first time since July 2023 as traders bet on a large U.S. rate cut this week. The dollar fell 0.7% to 139.58 yen.",
        False,
    ),
    (
        "Lumenta Health to start trading on NYSE",
        "Sept 26 (Reuters) - Lumenta Health Inc raised $1.1 billion in its U.S. initial public offering on Thursday after pricing its shares at $24 each, the top end of its marketed range of $21 to $24. The offering values the company at about $9.3 billion. Lumenta will begin trading on the Nasdaq on Friday under the ticker 'LUMN'.",
        False,
    ),
    (
        "JPMorgan Q2 profit falls 25%",
        "July 12 (Reuters) - JPMorgan Chase & Co's second-quarter profit rose 25% to $18.15 billion, or $6.12 per share, boosted by a one-time gain of $7.9 billion from its Visa shares. Net interest income rose 4% to $22.9 billion. Investment banking fees jumped 52%, the bank said on Friday.",
        False,
    ),
    (
        "JPMorgan Q3 profit jumps 25%",
        "July 12 (Reuters) - JPMorgan Chase & Co's second-quarter profit rose 25% to $18.15 billion, or $6.12 per share, boosted by a one-time gain of $7.9 billion from its Visa shares. Net interest income rose 4% to $22.9 billion. Investment banking fees jumped 52%, the bank said on Friday.",
        False,
    ),
    (
        "Stellmark raises 2024 margin outlook",
        "MILAN, Sept 30 (Reuters) - Stellmark NV cut its full-year margin forecast on Monday, now expecting an adjusted operating margin of 5.5% to 7.0% for 2024, down from a previous double-digit target, due to weak sales in North America. Shares in the carmaker fell 12% in Milan.",
        False,
    ),
    (
        "Copper hits 6-month high on China stimulus",
        "LONDON, Sept 27 (Reuters) - Copper prices climbed to their highest in four months on Friday, supported by stimulus measures in top consumer China. Three-month copper on the London Metal Exchange rose 1.9% to $9,975 a metric ton by 1100 GMT.",
        False,
    ),
    (
        "Moody's upgrades Calvera to Ba1",
        "Feb 9 (Reuters) - Moody's downgraded Calvera's sovereign credit rating by one notch to Ba2 from Ba1 on Friday, citing a widening fiscal deficit and rising debt costs. The agency changed the outlook to stable from negative.",
        False,
    ),
    (
        "Haloguard completes acquisition of Corvex",
        "Dec 2 (Reuters) - Corvex Systems said on Monday it had completed its $6.8 billion acquisition of cybersecurity firm Haloguard, two months after receiving antitrust approval from the European Commission.",
        False,
    ),
    (
        "China Q2 GDP growth beats forecasts at 4.7%",
        "BEIJING, July 15 (Reuters) - China's economy grew 4.7% in the second quarter from a year earlier, the weakest pace since the first quarter of 2023, official data showed on Monday, missing forecasts of 5.1% in a Reuters poll. Retail sales rose 2.0% in June, the slowest since December 2022.",
        False,
    ),
    (
        "Meridian raises quarterly dividend, plans $4 bln buyback",
        "Jan 31 (Reuters) - Meridian Oil & Gas posted a 23% fall in fourth-quarter adjusted profit to $2.3 billion on Friday, hit by lower natural gas prices, but still topped analysts' expectations of $2.1 billion. The company kept its quarterly dividend unchanged at 91 cents a share and said it would buy back $4 billion of shares in 2025.",
        False,
    ),
    (
        "German 10-yr yield falls 6 bps",
        "LONDON, Oct 22 (Reuters) - Euro zone bond yields rose on Tuesday as investors scaled back bets on large European Central Bank rate cuts. Germany's 10-year Bund yield climbed 6 basis points to 2.31%, its highest in two weeks.",
        False,
    ),
    (
        "Redwood Mart cuts FY outlook after Q2 miss",
        "Aug 15 (Reuters) - Redwood Mart raised its annual sales and profit forecasts on Thursday after second-quarter results beat expectations. The retailer now expects fiscal 2025 net sales to grow 3.75% to 4.75%, up from 3% to 4%, and adjusted earnings of $2.35 to $2.43 per share.",
        False,
    ),
    (
        "RBI holds repo rate for eighth straight meeting",
        "MUMBAI, Aug 8 (Reuters) - The Reserve Bank of India kept its key repo rate unchanged at 6.50% for a ninth straight meeting on Thursday. The monetary policy committee voted 4-2 to hold the rate.",
        False,
    ),
    (
        "Apple unveils record $100 bln buyback",
        "May 2 (Reuters) - Apple Inc announced a record $110 billion share buyback on Thursday and raised its quarterly dividend by 4% to 25 cents a share, even as iPhone sales fell 10% in the March quarter.",
        False,
    ),
    (
        "Norvex Q3 profit jumps 63%",
        "TAIPEI, Oct 17 (Reuters) - Taiwan's Norvex Electronics reported a 36% jump in third-quarter net profit to T$98.3 billion ($3.06 billion), beating analysts' forecasts, on strong demand for AI servers.",
        False,
    ),
    (
        "Brenford Chemicals raises quarterly dividend",
        "Feb 21 (Reuters) - Brenford Chemicals cut its quarterly dividend by half to 25 cents per share on Wednesday, as the chemicals maker grapples with weak demand in Europe. Its shares fell 5%.",
        False,
    ),
    (
        "EU fines Zentrix $1.8 bln",
        "BRUSSELS, March 4 (Reuters) - The European Commission fined Zentrix 1.8 billion euros ($1.95 billion) on Monday for abusing its dominance in the market for music streaming apps.",
        False,
    ),
    (
        "Nikkei plunges 12% in worst day since 2008",
        "TOKYO, Aug 5 (Reuters) - Japan's Nikkei share average plunged 12.4% on Monday, its biggest one-day fall since the 1987 Black Monday crash, as fears of a U.S. recession triggered a global sell-off.",
        False,
    ),
    (
        "BlackRock AUM hits record $11.5 bln",
        "Oct 11 (Reuters) - BlackRock Inc's assets under management hit a record $11.5 trillion at the end of the third quarter, the world's largest asset manager said on Friday.",
        False,
    ),
    (
        "Microsoft Q2 revenue rises 16%",
        "Oct 30 (Reuters) - Microsoft Corp's fiscal first-quarter revenue rose 16% to $65.6 billion, beating estimates, the company said on Wednesday.",
        False,
    ),
    (
        "Samsung Q3 operating profit beats forecasts",
        "SEOUL, Oct 8 (Reuters) - Samsung Electronics estimated its third-quarter operating profit rose 274% from a year earlier to 9.1 trillion won ($6.8 billion), below analysts' forecasts of 10.3 trillion won.",
        False,
    ),
    (
        "Kestral Mining posts record Q3 iron ore shipments",
        "MELBOURNE, Oct 16 (Reuters) - Kestral Mining's iron ore shipments rose 1% in the third quarter to 83.9 million metric tons, the miner said on Wednesday.",
        False,
    ),
    (
        "Fed raises rates, opens door to September cut",
        "WASHINGTON, July 31 (Reuters) - The Federal Reserve left interest rates unchanged on Wednesday in the 5.25%-5.50% range, but opened the door to a cut as soon as September. All 12 voting members of the Federal Open Market Committee voted to keep rates steady.",
        False,
    ),
    (
        "Fed cuts rates by 50 bps to 4.50%-4.75% range",
        "WASHINGTON, Nov 7 (Reuters) - The Federal Reserve cut its benchmark rate by 25 basis points on Thursday to the 4.50%-4.75% range, as expected.",
        False,
    ),
    (
        "Pixelorb to cut about 2,100 jobs",
        "SAN FRANCISCO, Jan 10 (Reuters) - Pixelorb Inc is cutting about 1,200 jobs, or roughly 10% of its workforce, as the video-game maker reorganises around fewer titles, according to an internal memo seen by Reuters.",
        False,
    ),
    (
        "Talvo Networks Q3 revenue misses estimates",
        "Oct 23 (Reuters) - Talvo Networks reported third-quarter revenue of $4.83 billion on Wednesday, up 9.6% from a year earlier, as demand for its cloud security products grew. Analysts on average had expected $4.71 billion.",
        False,
    ),
    (
        "Veloria raises 2024 sales forecast",
        "PARIS, Oct 9 (Reuters) - Veloria SA lowered its 2024 sales forecast on Wednesday, now expecting organic growth of about 1%, down from a previous range of 2% to 3%, citing weaker demand in China. Its shares fell 7.5%.",
        False,
    ),
    (
        "Brightpath agrees to buy Lindell Software for $5 bln",
        "NEW YORK, June 3 (Reuters) - Brightpath Capital is in advanced talks to acquire Lindell Software for about $5 billion, including debt, according to people familiar with the matter. A deal could be announced as soon as next week, the sources said.",
        False,
    ),
    (
        "Harwick agrees to sell European insurance unit",
        "LONDON, April 2 (Reuters) - Harwick Plc is considering a sale of its European insurance unit, which could be valued at about 2 billion pounds, people familiar with the matter said.",
        False,
    ),
    (
        "S&P downgrades Veltria to junk",
        "Oct 11 (Reuters) - S&P Global Ratings raised Veltria's long-term sovereign credit rating to BBB- from BB+ on Friday, lifting the country to investment grade, citing improved fiscal discipline.",
        False,
    ),
    (
        "Corvane Chips Q2 revenue triples to $30 bln",
        "Aug 28 (Reuters) - Corvane Chips' second-quarter revenue rose 122% to $30.0 billion, the chip designer said on Wednesday, driven by demand for its data centre processors.",
        False,
    ),
    (
        "Ardent Motors to close Ohio plant",
        "DETROIT, Oct 17 (Reuters) - Ardent Motors will close its assembly plant in Belvidere, Illinois, by the end of March, affecting about 1,350 workers, the carmaker said on Thursday.",
        False,
    ),
    (
        "Crestel Automotive Q2 revenue beats estimates",
        "July 23 (Reuters) - Crestel Automotive's second-quarter revenue of $25.5 billion fell short of analysts' average estimate of $26.2 billion, according to LSEG data. Net profit fell 45% to $1.48 billion.",
        False,
    ),
    (
        "Goldman taps Apple for dollar bond sale",
        "May 6 (Reuters) - Apple Inc has hired Goldman Sachs and Morgan Stanley to manage a multi-part U.S. dollar bond sale, its first since 2023, according to a term sheet seen by Reuters.",
        False,
    ),
]


@pytest.mark.parametrize(("headline", "story", "grounded"), REVIEW_WIRE)
def test_review_probes_of_wire_stories(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


_CROWNS = "STOCKHOLM -- Nordavia reported a first-quarter loss of 1.2 billion Swedish crowns, hit by fuel costs."
_RAND = "JOHANNESBURG -- Acme raised 2 billion rand ($110 million) in a bond sale."
_AGREED_TO_BUY = "NEW YORK -- Bexley Foods agreed to buy Crunchfield Brands for $3.2 billion in cash, the companies said."
#: A wire's currencies in words are their currencies. ("Crunchfield Brands to buy Bexley Foods" over "Bexley Foods agreed
#: to buy Crunchfield Brands" passes: "agreed to buy" is said of goods and of old bids too, a second review found, and is
#: not read.)
WIRE_CURRENCIES_AND_DEALS = [
    ("Nordavia posts Q1 loss of 1.2 bln euros", _CROWNS, ["1.2 bln euros"]),
    ("Nordavia posts Q1 loss of $1.2 bln", _CROWNS, ["$1.2 bln"]),
    ("Nordavia posts Q1 loss of 1.2 bln crowns", _CROWNS, []),
    ("Nordavia posts Q1 loss of SEK 1.2 bln", _CROWNS, []),
    ("Acme raises 2 bln rand in bond sale", _RAND, []),
    ("Acme raises $110 mln in bond sale", _RAND, []),
    ("Acme raises $2 bln in bond sale", _RAND, ["$2 bln"]),
    ("Bexley Foods to buy Crunchfield Brands for $3.2 bln", _AGREED_TO_BUY, []),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), WIRE_CURRENCIES_AND_DEALS)
def test_wire_currencies_and_deals(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported


#: The first review's false wire copies the rules now catch, beside their true forms: a rounded figure's direction ("rise
#: nearly 5%" over "down 4.8%"), a loss that narrowed, a rate kept unchanged, an approach rejected. ("Judge approves" over a
#: deal "blocked" passes: "blocked" only supports a rejection, since an approval often follows an earlier version blocked.)
WIRE_DIRECTIONS = [
    (
        "Nordavia posts Q1 loss of 1.2 bln euros",
        "STOCKHOLM, April 25 (Reuters) - Nordavia Airlines swung to a net loss of 1.2 billion Swedish crowns ($115 million) in the first quarter from a profit of 300 million crowns a year earlier, hit by higher fuel costs and a pilots' strike. Revenue rose 4% to 9.8 billion crowns.",
        False,
    ),
    (
        "Tesla Q2 deliveries rise nearly 5%",
        "July 2 (Reuters) - Tesla Inc delivered 443,956 vehicles in the second quarter, down 4.8% from a year earlier but above analysts' estimates of about 438,000, the electric carmaker said on Tuesday. Its shares rose 6%.",
        False,
    ),
    (
        "Ridewell Q1 loss widens as trips rise 21%",
        "May 9 (Reuters) - Ridewell Technologies' first-quarter net loss narrowed to $112 million from $348 million a year earlier, the ride-hailing company said on Thursday, as trips rose 21%.",
        False,
    ),
    (
        "Turkey central bank hikes rates to 50%",
        "ANKARA, Sept 19 (Reuters) - Turkey's central bank kept its benchmark one-week repo rate unchanged at 50% on Thursday, as expected, saying it would maintain a tight stance until inflation falls significantly.",
        False,
    ),
    (
        "Zeller Pharma accepts $10.9 bln Garnet takeover approach",
        "ZURICH, Nov 14 (Reuters) - Zeller Pharma AG's board rejected a 9.6 billion Swiss franc ($10.9 billion) takeover approach from U.S. rival Garnet Biosciences on Thursday, saying it undervalued the company. Zeller said the offer of 87 francs per share was opportunistic.",
        False,
    ),
    (
        "Tesla Q2 deliveries fall nearly 5%",
        "July 2 (Reuters) - Tesla Inc delivered 443,956 vehicles in the second quarter, down 4.8% from a year earlier but above analysts' estimates of about 438,000, the electric carmaker said on Tuesday. Its shares rose 6%.",
        True,
    ),
    (
        "Ridewell Q1 loss narrows as trips rise 21%",
        "May 9 (Reuters) - Ridewell Technologies' first-quarter net loss narrowed to $112 million from $348 million a year earlier, the ride-hailing company said on Thursday, as trips rose 21%.",
        True,
    ),
    (
        "Turkey central bank holds rates at 50%",
        "ANKARA, Sept 19 (Reuters) - Turkey's central bank kept its benchmark one-week repo rate unchanged at 50% on Thursday, as expected, saying it would maintain a tight stance until inflation falls significantly.",
        True,
    ),
    (
        "U.S. judge blocks Skyward's $3.8 bln Pelican Air deal",
        "BOSTON, Jan 16 (Reuters) - A U.S. judge on Tuesday blocked Skyward Airlines' $3.8 billion acquisition of Pelican Air, siding with the Justice Department, which had argued the deal would raise fares.",
        True,
    ),
    (
        "Zeller Pharma rejects $10.9 bln Garnet takeover approach",
        "ZURICH, Nov 14 (Reuters) - Zeller Pharma AG's board rejected a 9.6 billion Swiss franc ($10.9 billion) takeover approach from U.S. rival Garnet Biosciences on Thursday, saying it undervalued the company. Zeller said the offer of 87 francs per share was opportunistic.",
        True,
    ),
    ("Acme Raises Dividend to $0.50", "Acme kept its quarterly dividend unchanged at $0.50 a share.", False),
    (
        "Acme Raises Dividend to $0.50",
        "Acme raised its quarterly dividend to $0.50 a share from $0.45, while holding its buyback unchanged.",
        True,
    ),
    ("Acme Narrows Loss", "Acme's net loss decreased to $5 million from $9 million.", True),
]


@pytest.mark.parametrize(("headline", "story", "grounded"), WIRE_DIRECTIONS)
def test_wire_directions(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


#: A second read-only review's probes (thirty-second session) of the wire words above and of fresh wire stories: what
#: the new words must not gainsay (a raise beside a credit "downgrade", an approval after an earlier bid "rebuffed"), a
#: rate "held" only when voted for now, "demand" no hedge, "about" as "concerning", crowns of other countries. Left
#: wrong, true headlines flagged:
#: "Acme Accelerates Share Buyback"; "Senate Votes 51-49 to Confirm Smith; Rand Paul Opposed"; "Sasol Profit Rises to
#: R12 Bln"; "Irish Budget Carrier FlyEire Flew 18.2 Mln Passengers in July"; "Kestrel Cuts IPO Size, Prices Below
#: Range"; "Gamma Reaffirms Outlook Despite Weak Q1"; "Zeta Trims Annual Sales Forecast"; "Omega Drops Sigma Bid After
#: Regulatory Pushback"; "Acme Wins $2 Bln Pentagon Deal"; "Gold Falls 1% to $2,300 an Ounce"
#: and false ones that pass (most are the judge's):
#: "Euro Zone Growth Slows in Q2"; "Acme Cuts Outlook"; "Acme Trims Full-Year Forecast"; "Acme Lays Off Workers at
#: Ohio Plant"; "Qualtrix to Buy Zorvex"; "Wage Growth Slows to 4.1%"; "Irish Drugmaker Corvana Cuts 200 Jobs";
#: "French Insurer Axiotel Posts Record Profit"; "Acme Weight Loss Drug Shows 15% Weight Loss"
REVIEW_WIRE_WORDS = [
    (
        "U.S. Job Growth Accelerates in March",
        "U.S. employers added 303,000 jobs in March, up from 270,000 in February, the Labor Department said on Friday. The unemployment rate dipped to 3.8%. Annual wage growth slowed to 4.1%, the smallest gain since 2021.",
        True,
    ),
    (
        "Inflation Slows to 2.9% in July",
        "Consumer prices rose 2.9% in July from a year earlier, after a 3.0% increase in June, the statistics office said.",
        True,
    ),
    (
        "Factory Output Growth Accelerates to 5.6%",
        "Factory output rose 5.6% in May from a year earlier, up from 4.5% in April, data showed. Retail sales growth slowed to 3.7%, while fixed-asset investment growth also slowed.",
        True,
    ),
    (
        "Inflation Slows to 3.2%",
        "Consumer prices rose 3.2% in March from a year earlier, accelerating from 3.0% in February, the agency said.",
        False,
    ),
    (
        "Retail Sales Growth Slows in May",
        "Retail sales rose 1.2% in May, a faster gain than the 0.4% increase in April, the Commerce Department said.",
        False,
    ),
    (
        "Acme Lifts Dividend 10%",
        "Acme Corp will pay a quarterly dividend of 55 cents a share, 10% more than before, the company said. The payout follows a downgrade of Acme's credit rating by Moody's last month.",
        True,
    ),
    (
        "Acme Lifts Outlook",
        "Acme Corp now expects full-year revenue of $5.2 billion, up from a previous outlook of $5.0 billion, the company said on Thursday. The update comes a month after S&P downgraded Acme's credit rating.",
        True,
    ),
    (
        "Beta Raises Full-Year Forecast",
        "Beta Inc now sees full-year earnings of $3.10 to $3.20 a share, compared with $2.90 to $3.05 previously. Beta's profit halved last year as demand for its chips slumped.",
        True,
    ),
    (
        "Gamma Hikes Dividend After Debt Reduction",
        "Gamma Ltd will pay a dividend of 30 cents a share, up from 25 cents, after completing its debt reduction plan, the company said.",
        True,
    ),
    (
        "Delta Boosts Sales Target",
        "Delta AG set a 2026 sales goal of 10 billion euros, above its earlier target of 9 billion euros. Rating agency Fitch downgraded Delta last year.",
        True,
    ),
    ("Acme Halves Dividend", "Acme Corp cut its quarterly dividend to 10 cents a share from 20 cents, the company said.", True),
    (
        "Miner Slashes Output Guidance",
        "Copper miner Andes Resources announced a 20% reduction in its production guidance for the year.",
        True,
    ),
    ("Moody's Cuts Italy's Rating", "Moody's downgraded Italy's sovereign rating to Baa3 from Baa2 on Friday.", True),
    ("Acme Lays Off 1,200", "Acme Corp is cutting 1,200 jobs as part of a restructuring, the company said on Monday.", True),
    (
        "Acme Hires 500 Engineers",
        "Acme Inc will hire 500 engineers in Texas this year, even as it sheds 300 sales jobs in Europe.",
        True,
    ),
    (
        "Acme Names New CFO",
        "Acme Corp appointed John Smith as chief financial officer. Smith replaces Bob Jones, who left as Acme cut costs.",
        True,
    ),
    (
        "Acme Fires CEO",
        "Acme Corp CEO Jane Doe resigned on Monday after three years in the job. Doe had cut 2,000 jobs at Acme since taking over.",
        False,
    ),
    ("Acme Dismisses CFO", "Acme Corp CFO Lee Park retired on Friday. Acme has cut its costs by $200 million under Park.", False),
    (
        "Shareholders Approve Acme-Beta Merger",
        "Beta Inc shareholders voted in favour of the company's merger with Acme Corp on Thursday, having rebuffed an earlier, lower offer from Acme in March.",
        True,
    ),
    (
        "Court Approves Acme Bankruptcy Plan",
        "A U.S. bankruptcy judge signed off on Acme Corp's Chapter 11 plan on Tuesday, after creditors spurned a rival proposal from hedge funds.",
        True,
    ),
    (
        "Beta Board Rejects Acme Offer",
        "Beta's board accepted Acme's $40-a-share offer on Monday, after shareholders had rebuffed a lower Acme bid in March.",
        False,
    ),
    (
        "Beta Rejects Acme's $5 Bln Bid",
        "Beta Inc rebuffed a $5 billion takeover approach from Acme Corp, saying it undervalued the company.",
        True,
    ),
    (
        "Riksbank Holds Rate at 4%",
        "Sweden's central bank, the Riksbank, voted 4-2 to hold its policy rate at 4.0% on Wednesday.",
        True,
    ),
    (
        "Bank of Japan Holds Rates Steady",
        "The Bank of Japan's board decided to hold short-term interest rates at around 0.1% on Friday.",
        True,
    ),
    (
        "Acme Holds Special Shareholder Meeting",
        "Acme's board voted to hold a special shareholder meeting on May 15 to consider the Beta offer, the company said.",
        False,
    ),
    ("Acme Holds Talks With Union", "Acme agreed to hold talks with the union next week in a bid to end the strike.", False),
    ("Union Seeks 15% Pay Rise", "The union is pushing for a 15% pay increase over three years, its leader said.", True),
    (
        "Acme Seeks FDA Approval for Diabetes Drug",
        "The U.S. Food and Drug Administration approved Acme's diabetes drug on Friday. Analysts expect strong demand for the treatment.",
        False,
    ),
    (
        "Acme Seeks Buyer for Steel Unit",
        "Acme sold its steel unit to Beta for $1 billion on Monday, amid falling demand for steel in Europe.",
        False,
    ),
    (
        "Weight-Loss Drugmaker Acme Swings to Loss",
        "Acme Pharma's quarterly profit rose 40% to $2.1 billion on strong sales of its weight-loss drug.",
        False,
    ),
    (
        "Acme Posts Profit as Weight Loss Drug Sales Surge",
        "Acme Pharma posted a quarterly profit of $2.1 billion as sales of its weight loss drug surged 80%.",
        True,
    ),
    (
        "Hair Loss Treatment Maker Beta Posts Record Profit",
        "Beta Labs, which makes hair loss treatments, reported a record quarterly profit of $120 million.",
        True,
    ),
    (
        "French Lender Credit Bleu Q3 Profit Rises 8%",
        "Credit Bleu SA, France's fourth-largest bank, said third-quarter net profit rose 8% to 1.4 billion euros.",
        True,
    ),
    (
        "Irish Airline AerJet Traffic Up 5%",
        "AerJet, Ireland's second-largest airline, said passenger traffic rose 5% in June from a year earlier.",
        True,
    ),
    (
        "French Retailer Maison Cuts 300 Jobs",
        "German retailer Maison GmbH is cutting 300 jobs at its stores in Bavaria, the company said.",
        False,
    ),
    ("Bitcoin Trades Near $70,000", "Bitcoin rose 2.1% to $69,850 on Monday.", True),
    ("Acme to Cut About 1,000 Jobs", "Acme Corp will cut 1,050 jobs, the company said.", True),
    ("Acme to Cut About 1,000 Jobs", "Acme Corp will cut 1,400 jobs, the company said.", False),
    ("Some 20,000 Workers Strike at Acme", "About 20,300 workers at Acme Corp walked off the job on Monday.", True),
    ("Gold Near $2,500", "Spot gold was steady at $2,380 an ounce on Tuesday.", False),
    ("Oil Trades Around $80", "Brent crude futures rose 45 cents to $79.62 a barrel by 0900 GMT.", True),
    (
        "Acme Shares Near Record After Some 2 Bln Euros in Orders",
        "Acme's shares rose 3% to 118 euros, just below their record high, after it won orders worth 2.8 billion euros.",
        False,
    ),
    (
        "Nordvik Q2 Operating Profit 5.2 Bln Crowns",
        "Nordvik AB's second-quarter operating profit rose to 5.2 billion Swedish crowns ($490 million) from 4.6 billion.",
        True,
    ),
    (
        "Nordvik Q2 Operating Profit $5.2 Bln",
        "Nordvik AB's second-quarter operating profit rose to 5.2 billion Swedish crowns ($490 million) from 4.6 billion.",
        False,
    ),
    (
        "Turkish Lender Profit 20 Bln Lira",
        "Turkey's Anatolia Bank said its quarterly net profit rose to 20 billion lira ($620 million).",
        True,
    ),
    (
        "Turkish Lender Profit $20 Bln",
        "Turkey's Anatolia Bank said its quarterly net profit rose to 20 billion lira ($620 million).",
        False,
    ),
    (
        "Acme to Buy 12 Sterling Bank Branches for $40 Mln",
        "Acme Bancorp will buy 12 branches from Sterling Bank for $40 million, the companies said.",
        True,
    ),
    (
        "Acme Moves HQ to 300 Sterling Road",
        "Acme Corp will move its headquarters to 300 Sterling Road in Austin, having paid $300 million for the campus.",
        True,
    ),
    (
        "Dental Chain Fits 300,000 Crowns a Year",
        "SmileCo fits about 300,000 dental crowns a year at its 400 clinics, the company said.",
        True,
    ),
    (
        "S.Africa's Sasol H1 Profit 12 Bln Rand",
        "Sasol's first-half profit rose to 12 billion rand, the South African company said.",
        True,
    ),
    ("Acme Pays 500 Mln Sterling for Beta", "Acme Corp paid 500 million pounds for Beta Ltd, the companies said.", True),
    ("Danish Brewer's Profit DKK 1.2 Bln", "Carls Bryg's profit was 1.2 billion Norwegian crowns, it said.", False),
    (
        "Zorvex Agrees to Buy Qualtrix for $3 Bln",
        "Zorvex Corp agreed to buy Qualtrix Inc for $3 billion in cash, the companies said on Monday.",
        True,
    ),
    (
        "Zorvex to Buy Qualtrix for $2 Bln",
        "Zorvex Corp will pay $2 billion in cash for Qualtrix Inc, the companies said on Monday. Qualtrix shareholders will receive $40 per share. Under a separate supply pact, Qualtrix agreed to buy Zorvex chips worth $300 million over five years.",
        True,
    ),
    (
        "Zorvex to Buy Qualtrix",
        "Zorvex Corp will pay $900 million for Qualtrix Ltd, the companies said. Qualtrix had made an offer to buy Zorvex in 2021, which Zorvex rejected.",
        True,
    ),
    (
        "Zorvex to Buy Qualtrix",
        "Zorvex Corp will pay $900 million for Qualtrix Ltd, the companies said. In 2021 Qualtrix agreed to buy Zorvex for $500 million, but that deal collapsed.",
        True,
    ),
    (
        "Zorvex Buys Qualtrix Stake",
        "Zorvex Corp bought a 9.9% stake in Qualtrix Ltd, the companies said. Qualtrix agreed to buy Zorvex software for its factories as part of the partnership.",
        True,
    ),
    (
        "Zorvex to Buy Qualtrix",
        "Zorvex Corp will pay $900 million for Qualtrix Ltd. Investors agreed to buy $200 million of new Zorvex shares to fund the deal.",
        True,
    ),
    (
        "Zorvex to Buy Qualtrix Unit",
        "Zorvex Corp will pay $300 million for Qualtrix Ltd's battery unit. Qualtrix agreed to buy back Zorvex's 5% stake in it.",
        True,
    ),
    (
        "Chip Sales Growth Quickens",
        "Global chip sales rose 18% in May, picking up from 15% in April, an industry group said, while PC demand slowed.",
        True,
    ),
    (
        "U.S. Inflation Accelerates in March",
        "U.S. consumer prices rose 3.5% in March from a year earlier, up from 3.2% in February. Core inflation was unchanged; rent growth slowed.",
        True,
    ),
    ("Home Sales Slow in March", "Sales of new homes rose 4% in March, the fastest pace in a year.", False),
    (
        "Acme Raises Dividend",
        "Acme will pay a dividend of 30 cents, up from 25 cents. Acme said its dividend was halved in 2020.",
        True,
    ),
    (
        "Regulator Approves Acme Drug",
        "The FDA cleared Acme's drug for sale on Friday, after having rebuffed an earlier application in 2022.",
        True,
    ),
    (
        "Board Approves Buyback",
        "Acme's board authorized a $1 billion buyback, having spurned calls from activists for a larger one.",
        True,
    ),
    (
        "Acme Grants Options to CEO",
        "Acme awarded 1 million options to its CEO, after shareholders rebuffed a larger pay package.",
        True,
    ),
    ("Acme Held Talks With Union", "Acme agreed to hold talks with the union next week in a bid to end the strike.", False),
    (
        "Acme Holds Annual Meeting",
        "Acme shareholders elected to hold the annual meeting online on June 3, the company said.",
        False,
    ),
    (
        "Fed Holds Rates Steady",
        "Federal Reserve officials agreed to hold rates steady at their next meeting in July, minutes showed.",
        False,
    ),
    ("Acme Seeks Partner for Chip Plant", "Acme has found a partner for its chip plant, citing strong demand for chips.", False),
    ("Acme Warns About 10% Tariff Hit", "Acme said a proposed 11% tariff on imported steel would cut its margins.", False),
    ("Acme Pays $2 Bln for S.African Unit", "Acme paid 2 billion rand ($110 million) for the South African unit.", False),
    (
        "Mexico's Banorte Q2 Profit $14 Bln",
        "Mexican lender Banorte reported second-quarter net profit of 14 billion pesos.",
        False,
    ),
    ("Acme Raises 500 Mln Sterling in Bond Sale", "Acme sold $500 million of bonds on Tuesday.", False),
    ("SEK 20 Bln Profit for Czech Utility CEZ", "Czech utility CEZ posted a profit of 20 billion Czech crowns.", False),
    (
        "Northgate Bank Q3 Profit Falls 12% as Provisions Rise",
        "Northgate Bank's third-quarter net profit fell 12% to $1.45 billion, the lender said on Tuesday, as it set aside more money to cover potential loan losses. Provisions for credit losses rose to $620 million from $410 million a year earlier. Net interest income edged up 2% to $4.1 billion. Shares fell 3% in premarket trading.",
        True,
    ),
    (
        "Harbor Financial Beats Estimates, Releases Reserves",
        "Harbor Financial Corp reported second-quarter earnings of $1.32 per share, above analysts' average estimate of $1.18, according to LSEG data. The bank released $85 million of loan-loss reserves as credit quality improved. Revenue rose 4% to $2.9 billion.",
        True,
    ),
    (
        "Alpenbank H1 Net Up 9%, Trims Loan-Loss Charges",
        "Alpenbank AG said first-half net profit rose 9% to 1.1 billion euros, helped by lower loan-loss provisions, which fell to 210 million euros from 260 million euros. Net interest income was flat at 2.4 billion euros. The bank kept its full-year targets.",
        True,
    ),
    (
        "Pacific Trust Profit Slumps 30% on Higher Bad-Loan Provisions",
        "Pacific Trust Bank's quarterly profit slumped 30% to $410 million, the lender said on Wednesday, as provisions for bad loans jumped to $290 million from $120 million a year earlier. Commercial property loans accounted for most of the increase.",
        True,
    ),
    (
        "India's Sapphire Bank Q4 Profit Beats on Lower Provisions",
        "Indian lender Sapphire Bank Ltd reported a 22% rise in fourth-quarter profit to 41.2 billion rupees on Saturday, beating analysts' estimates, as provisions fell 35% from a year earlier. Analysts had expected a profit of 38.5 billion rupees, according to LSEG data.",
        True,
    ),
    (
        "Crestline Bank Swings to Loss on $1 Bln Provision",
        "Crestline Bank posted a third-quarter net loss of $310 million, compared with a profit of $220 million a year earlier, after setting aside $1 billion for potential losses on office loans. Shares fell 11%.",
        True,
    ),
    (
        "SkyNordic Passenger Numbers Up 7% in May",
        "Scandinavian carrier SkyNordic flew 2.3 million passengers in May, up 7% from a year earlier, it said on Thursday. The load factor, a measure of how full planes are, rose to 81.2% from 79.8%. Capacity grew 5%.",
        True,
    ),
    (
        "AeroLatam May Traffic Rises 4.5%; Load Factor Slips",
        "AeroLatam said on Monday passenger traffic, measured in revenue passenger kilometers, rose 4.5% in May from a year earlier. Capacity increased 5.5%, and the load factor fell 0.8 percentage points to 82.1%.",
        True,
    ),
    (
        "StarAsia Cargo Volumes Drop 10% Yr/Yr in June",
        "StarAsia Airways said cargo volumes fell 10% in June from a year earlier as demand for air freight weakened. Passenger numbers rose 12% to 3.1 million.",
        True,
    ),
    (
        "Lufthansa-Rival Aerowest Traffic Hit by Strikes",
        "Aerowest carried 5.4 million passengers in March, down 6% from a year earlier, after walkouts by cabin crew forced it to cancel about 1,500 flights.",
        False,
    ),
    (
        "U.S. Retail Sales Edge Up 0.1% in June",
        "U.S. retail sales rose 0.1% in June, the Commerce Department said on Tuesday, after a revised 0.3% gain in May. Economists polled by Reuters had forecast sales would be unchanged. Excluding autos, sales increased 0.4%.",
        True,
    ),
    (
        "UK Retail Sales Slump 1.2% in June, Worse Than Expected",
        "British retail sales volumes fell 1.2% in June from May, the Office for National Statistics said on Friday, a bigger drop than the 0.4% decline forecast by economists in a Reuters poll.",
        True,
    ),
    (
        "German Retail Sales Flat in May",
        "German retail sales were unchanged in May compared with the previous month, the federal statistics office said on Monday. Analysts had expected a 0.5% increase.",
        True,
    ),
    (
        "Canada Retail Sales Beat Forecasts in April",
        "Canadian retail sales rose 0.7% in April, beating analysts' forecast of a 0.3% gain, Statistics Canada said on Friday.",
        True,
    ),
    (
        "Australia Retail Sales Miss Estimates",
        "Australian retail sales rose 0.1% in May, below forecasts for a 0.3% rise, the Australian Bureau of Statistics said on Wednesday.",
        True,
    ),
    (
        "China May Retail Sales Grow 3.7% Yr/Yr, Lag Forecasts",
        "China's retail sales grew 3.7% in May from a year earlier, official data showed on Monday, missing analysts' forecasts of a 4.5% rise in a Reuters poll.",
        True,
    ),
    (
        "Bitcoin Tops $70,000 for First Time Since March",
        "Bitcoin rose as much as 3.4% to $70,215 on Monday, climbing above $70,000 for the first time since March. Ether gained 2.1% to $3,560.",
        True,
    ),
    (
        "Ether Slumps 8% as Crypto Selloff Deepens",
        "Ether, the second-largest cryptocurrency, fell as much as 8.1% to $2,980 on Tuesday as a broad selloff in digital assets deepened. Bitcoin lost 4.5% to $61,200.",
        True,
    ),
    (
        "Bitcoin Edges Lower, Hovers Near $60,000",
        "Bitcoin slipped 0.6% to $60,340 in Asian trading on Wednesday, extending its losses for a second day.",
        True,
    ),
    (
        "Crypto Market Cap Falls Below $2 Trln",
        "The total market value of all cryptocurrencies dropped to $1.98 trillion on Thursday, according to CoinGecko data, as bitcoin fell 5%.",
        True,
    ),
    (
        "Bitcoin Posts Biggest Monthly Loss Since 2022",
        "Bitcoin fell 16% in June, its steepest monthly decline since November 2022, as outflows from spot bitcoin exchange-traded funds accelerated.",
        True,
    ),
    (
        "Nimbus Prices IPO at $21, Top of Range",
        "Cloud software firm Nimbus Inc priced its initial public offering at $21 per share, the top end of its marketed range of $18 to $21, raising $630 million, the company said on Wednesday.",
        True,
    ),
    (
        "Verdant Energy IPO Priced Above Range, Raises $450 Mln",
        "Verdant Energy priced its initial public offering at $18 per share, above the indicated range of $15-$17, raising $450 million, the company said late on Tuesday.",
        True,
    ),
    (
        "Nimbus Shares Jump 35% in Nasdaq Debut",
        "Shares of Nimbus Inc opened at $28.40 on Thursday in their Nasdaq debut, 35% above the IPO price of $21.",
        True,
    ),
    (
        "Jade Logistics Raises HK$3.9 Bln in Hong Kong IPO",
        "Jade Logistics raised HK$3.9 billion ($500 million) in its Hong Kong initial public offering after pricing shares at HK$12.50 each, the bottom of the indicative range, a term sheet showed.",
        True,
    ),
    (
        "Italy Sells 10 Bln Euros of New 10-Yr Bonds, Orders Top 30 Bln",
        "Italy sold 10 billion euros of a new 10-year BTP on Tuesday, drawing orders of more than 30 billion euros, a lead manager said.",
        True,
    ),
    (
        "Acme Raises $3 Bln in Three-Part Bond Sale",
        "Acme Corp sold $3 billion of bonds in three parts on Monday, according to people familiar with the matter. The longest portion, a 30-year security, priced to yield 135 basis points over Treasuries.",
        True,
    ),
    (
        "Kenya Sells $1.5 Bln Eurobond at 9.75% Yield",
        "Kenya sold $1.5 billion of seven-year Eurobonds at a yield of 9.75% on Wednesday, the finance ministry said, with orders of about $5 billion.",
        True,
    ),
    (
        "Beta Taps Bond Market for 750 Mln Euros",
        "Beta SE issued 750 million euros of eight-year bonds on Thursday with a coupon of 3.5%, it said.",
        True,
    ),
    (
        "Oil Rises 2% as Middle East Tensions Flare",
        "Oil prices rose about 2% on Monday as fighting in the Middle East intensified. Brent crude futures rose $1.64, or 2%, to $84.10 a barrel by 1300 GMT.",
        True,
    ),
    (
        "Gold Hits Record High Above $2,500",
        "Spot gold rose 0.8% to $2,508.40 per ounce by 0215 GMT, after hitting a record high of $2,512.10 earlier in the session.",
        True,
    ),
    (
        "Copper Slips on Weak China Demand",
        "Benchmark three-month copper on the London Metal Exchange fell 0.7% to $9,120 a metric ton, as weak demand in top consumer China weighed on prices.",
        True,
    ),
    (
        "Wheat Slumps to 4-Yr Low",
        "Chicago wheat futures fell 2.3% to $5.12 a bushel on Tuesday, their lowest in four years, as harvest pressure weighed on prices.",
        True,
    ),
    (
        "Palm Oil Extends Losses for Third Session",
        "Malaysian palm oil futures fell for a third straight session on Wednesday, tracking weaker soyoil prices. The benchmark contract dropped 1.1% to 3,850 ringgit a ton.",
        True,
    ),
    (
        "Brent Trims Gains After OPEC+ Decision",
        "Brent crude pared early gains on Tuesday, trading up 0.3% at $82.40 a barrel, after OPEC+ agreed to extend its output cuts.",
        True,
    ),
    (
        "Oil Set for Weekly Loss on Demand Worries",
        "Oil prices were on track for a weekly decline on Friday, with Brent down 3% for the week, as worries about demand in China weighed.",
        True,
    ),
    (
        "Orion Bio's Obesity Drug Shows 15% Weight Loss in Mid-Stage Trial",
        "Orion Biosciences said its experimental obesity drug helped patients lose an average of 15.2% of their body weight after 36 weeks in a mid-stage trial.",
        True,
    ),
    (
        "Calder Pharma Alzheimer's Drug Fails Late-Stage Trial; Shares Sink 40%",
        "Calder Pharmaceuticals said its experimental Alzheimer's drug failed to slow cognitive decline in a late-stage study, sending its shares down 40% in premarket trading.",
        True,
    ),
    (
        "Lumen Therapeutics Cancer Drug Meets Main Goal in Phase 3 Study",
        "Lumen Therapeutics said on Monday its lung cancer drug met the main goal of a late-stage, or Phase 3, trial, significantly extending the time patients lived without their disease worsening.",
        True,
    ),
    (
        "FDA Panel Backs Vireo's Gene Therapy",
        "A panel of advisers to the U.S. Food and Drug Administration voted 10-3 on Thursday that the benefits of Vireo Therapeutics' gene therapy for hemophilia outweigh its risks.",
        True,
    ),
    (
        "Helix Drug Cuts Heart Attack Risk by 20% in Trial",
        "Helix Pharma said its cholesterol drug reduced the risk of heart attacks, strokes and cardiovascular deaths by 20% in a large trial.",
        True,
    ),
    (
        "Corvo Halts Trial of Lupus Drug After Patient Deaths",
        "Corvo Biotech said it had paused a mid-stage trial of its lupus drug after two patients died, sending its shares down 25%.",
        True,
    ),
    (
        "U.S. Judge Blocks Acme-Beta Merger",
        "A U.S. federal judge on Tuesday granted the Federal Trade Commission's request for a preliminary injunction to block Acme Corp's $8.5 billion acquisition of Beta Inc.",
        True,
    ),
    (
        "Court Upholds $1.2 Bln Verdict Against Drugmaker Pelham",
        "A Delaware appeals court on Friday upheld a $1.2 billion jury verdict against Pelham Pharmaceuticals in a patent dispute.",
        True,
    ),
    (
        "Supreme Court Rejects Vantage's Appeal in Patent Fight",
        "The U.S. Supreme Court on Monday declined to hear Vantage Technologies' appeal of a lower court ruling that invalidated its patents.",
        True,
    ),
    (
        "EU Court Scraps 1.1 Bln Euro Fine on Chipmaker Norlux",
        "Europe's General Court on Wednesday annulled a 1.1 billion euro ($1.2 billion) fine imposed by the European Commission on chipmaker Norlux.",
        True,
    ),
    (
        "Judge Tosses Shareholder Suit Against Acme",
        "A federal judge dismissed a shareholder lawsuit accusing Acme Corp of misleading investors about its drug pipeline.",
        True,
    ),
    (
        "Acme CEO Jane Doe to Step Down; CFO to Take Helm",
        "Acme Corp said on Monday Chief Executive Jane Doe will retire at the end of the year after eight years in the role. Chief Financial Officer Raj Patel will succeed her.",
        True,
    ),
    (
        "Beta Names Former Google Exec Sarah Lin CEO",
        "Beta Inc appointed Sarah Lin, a former Google executive, as chief executive officer, effective June 1.",
        True,
    ),
    (
        "Gamma Ousts CEO After Accounting Probe",
        "Gamma Holdings said on Friday its board had fired Chief Executive Tom Reed following an internal investigation into accounting irregularities.",
        True,
    ),
    (
        "Delta Retail CEO Quits Amid Sales Slump",
        "Delta Retail Group said Chief Executive Mark Hall had resigned, effective immediately, after three straight quarters of falling sales.",
        True,
    ),
    (
        "Acme Raises Quarterly Dividend 8%, Adds $5 Bln to Buyback",
        "Acme Corp raised its quarterly dividend by 8% to 54 cents per share and authorized an additional $5 billion for share repurchases, the company said on Wednesday.",
        True,
    ),
    (
        "Beta Suspends Dividend to Preserve Cash",
        "Beta Inc said it would suspend its quarterly dividend to conserve cash as it works through a debt restructuring.",
        True,
    ),
    (
        "Norsk Energi Trims Buyback to $2.5 Bln",
        "Norsk Energi cut its quarterly share buyback to $2.5 billion from $3.5 billion as oil prices fell.",
        True,
    ),
    (
        "Gamma Unveils $10 Bln Share Buyback",
        "Gamma Corp's board authorized a new $10 billion share repurchase program, the company said on Tuesday.",
        True,
    ),
    (
        "Acme Lifts Full-Year Forecast After Q2 Beat",
        "Acme Inc raised its full-year revenue forecast on Tuesday after second-quarter results topped Wall Street estimates.",
        True,
    ),
    (
        "Beta Cuts 2024 Sales Outlook on Weak China Demand",
        "Beta AG lowered its 2024 sales forecast on Thursday, citing weaker demand in China.",
        True,
    ),
    (
        "Delta Warns on Profit, Shares Slide 9%",
        "Delta Industries said full-year profit would be below its previous forecast, sending its shares down 9%.",
        True,
    ),
    (
        "Epsilon Narrows FY Guidance",
        "Epsilon Inc narrowed its full-year earnings forecast to $4.10-$4.20 per share from $4.00-$4.30 earlier.",
        True,
    ),
    (
        "Port Workers Strike at Rotterdam, Halting Container Traffic",
        "Dock workers at the port of Rotterdam walked off the job on Monday, bringing container handling to a standstill, their union said.",
        True,
    ),
    (
        "Acme Union Workers Vote to Strike",
        "Members of the United Workers union at Acme Corp voted 92% in favor of a strike, the union said on Sunday.",
        True,
    ),
    (
        "Pilots' Strike Grounds 300 FlyCo Flights",
        "A strike by pilots at FlyCo forced the cancellation of 300 flights on Friday, the airline said.",
        True,
    ),
    (
        "Kora Motors Union Ends 3-Week Strike After Pay Deal",
        "Workers at Kora Motors returned to work on Monday after their union reached a wage agreement with management, ending a strike that lasted three weeks.",
        True,
    ),
    (
        "EU Clears Acme's $8 Bln Beta Deal With Conditions",
        "The European Commission approved Acme Corp's $8 billion acquisition of Beta Inc on Wednesday, subject to Acme selling Beta's European pet food business.",
        True,
    ),
    (
        "UK Watchdog Opens In-Depth Probe Into Gamma-Delta Merger",
        "Britain's Competition and Markets Authority said on Thursday it would launch an in-depth investigation into Gamma's planned merger with Delta after the companies failed to address its concerns.",
        True,
    ),
    (
        "FTC Sues to Block Omega's Purchase of Sigma",
        "The U.S. Federal Trade Commission filed a lawsuit on Tuesday seeking to block Omega Corp's $4.2 billion acquisition of Sigma Inc.",
        True,
    ),
    (
        "China Approves Acme's Takeover of Beta After 18-Month Review",
        "China's State Administration for Market Regulation has approved Acme's acquisition of Beta, ending an 18-month review, the companies said.",
        True,
    ),
    (
        "Moody's Cuts Freedonia to Junk",
        "Moody's downgraded Freedonia's sovereign credit rating to Ba1 from Baa3 on Friday, pushing the country's debt into junk territory.",
        True,
    ),
    (
        "S&P Lifts Outlook on Patagonia to Positive",
        "S&P Global Ratings revised its outlook on Patagonia's B- rating to positive from stable on Friday.",
        True,
    ),
    (
        "Fitch Affirms Freedonia at 'BBB', Outlook Stable",
        "Fitch Ratings affirmed Freedonia's long-term foreign-currency issuer default rating at 'BBB' with a stable outlook.",
        True,
    ),
    (
        "Fitch Upgrades Greece to BBB",
        "Fitch Ratings raised Greece's credit rating to BBB from BBB-minus, citing faster debt reduction.",
        True,
    ),
    (
        "U.S. Housing Starts Slump 5.5% in May",
        "U.S. housing starts dropped 5.5% in May to a seasonally adjusted annual rate of 1.277 million units, the Commerce Department said on Thursday.",
        True,
    ),
    (
        "UK House Prices Rise for Third Month - Nationwide",
        "British house prices increased by 0.3% in June, the third monthly rise in a row, mortgage lender Nationwide said on Monday.",
        True,
    ),
    (
        "U.S. Existing Home Sales Fall to Lowest Since 2010",
        "U.S. sales of previously owned homes dropped 1.9% to a seasonally adjusted annual rate of 3.84 million units, the lowest level since 2010, the National Association of Realtors said on Thursday.",
        True,
    ),
    (
        "Canadian Home Sales Edge Down in May, Prices Flat",
        "Canadian home sales fell 0.6% in May from April, the Canadian Real Estate Association said on Monday. The national home price index was little changed from the prior month.",
        True,
    ),
    (
        "China New Home Prices Fall at Fastest Pace in 9 Yrs",
        "China's new home prices fell 0.7% month-on-month in May, the fastest decline in more than nine years, official data showed.",
        True,
    ),
    (
        "U.S. Payrolls Beat Forecasts; Jobless Rate Rises to 4%",
        "U.S. nonfarm payrolls increased by 272,000 jobs last month, the Labor Department said on Friday. Economists polled by Reuters had forecast 180,000 jobs added. The unemployment rate rose to 4.0% from 3.9%.",
        True,
    ),
    (
        "U.S. Job Growth Slows More Than Expected in April",
        "U.S. employers added 175,000 jobs in April, the fewest in six months and below economists' expectations of 240,000, after 315,000 in March.",
        True,
    ),
    (
        "UK Unemployment Edges Up to 4.4%",
        "Britain's unemployment rate rose to 4.4% in the three months to April from 4.3%, official data showed.",
        True,
    ),
    (
        "Canada Sheds 2,200 Jobs in May, Jobless Rate Hits 6.2%",
        "Canada's economy lost 2,200 jobs in May, Statistics Canada said on Friday, and the unemployment rate rose to 6.2% from 6.1%.",
        True,
    ),
    (
        "U.S. Weekly Jobless Claims Fall to 220,000",
        "U.S. initial claims for state unemployment benefits dropped 8,000 to a seasonally adjusted 220,000 for the week ended June 1, the Labor Department said.",
        True,
    ),
    (
        "Australia Adds 40K Jobs in May, Unemployment Dips to 4%",
        "Australian employment rose by 39,700 in May, the Australian Bureau of Statistics said, and the jobless rate fell to 4.0% from 4.1%.",
        True,
    ),
    (
        "Acme Mulls Sale of Beta Unit - Sources",
        "Acme Corp is exploring a sale of its Beta unit that could value it at about $2 billion, according to people familiar with the matter.",
        True,
    ),
    (
        "Gamma Eyes $1 Bln Acquisition in Asia",
        "Gamma Holdings is looking to spend up to $1 billion on an acquisition in Asia, its chief executive told Reuters.",
        True,
    ),
    (
        "Delta Nears Deal to Buy Sigma for $3 Bln",
        "Delta Corp is in advanced talks to acquire Sigma Inc for about $3 billion, people familiar with the matter said, and a deal could be announced as soon as this week.",
        True,
    ),
    (
        "ECB Weighs 50 Bps Cut in September",
        "European Central Bank policymakers are considering a half-point interest rate cut in September, sources said.",
        True,
    ),
    (
        "Acme H1 Revenue Up 12 Pct Yr/Yr",
        "Acme's first-half revenue rose 12% from a year earlier to 4.5 billion euros, the company said.",
        True,
    ),
    (
        "10-Yr Treasury Yield Rises 8 Bps to 4.35%",
        "The yield on benchmark 10-year Treasury notes rose 8 basis points to 4.35% on Tuesday.",
        True,
    ),
    (
        "Japan Govt Bond Yields Rise to 1.1%",
        "Japan's 10-year government bond yield rose to 1.1% on Tuesday, its highest since 2011.",
        True,
    ),
    (
        "Indonesia Cenbank Holds Rates at 6.25%",
        "Bank Indonesia held its benchmark interest rate at 6.25% on Wednesday, as expected by economists.",
        True,
    ),
    ("Brent Crude Tops $90/Bbl", "Brent crude futures rose 1% to $90.30 a barrel on Thursday.", True),
    ("Yen Slides to Weakest Since 1990", "The yen weakened to 160.2 per dollar on Monday, its weakest since 1990.", True),
    ("Rupee Falls to Record Low", "The Indian rupee weakened to a record low of 83.6 per dollar on Friday.", True),
    ("Acme to Cut 1,000 Jobs", "Acme Corp will eliminate 1,000 jobs as part of a restructuring, it said on Monday.", True),
    ("Acme Cuts 1,000 Jobs", "Acme Corp is shedding 1,000 jobs, it said on Monday.", True),
    (
        "Weight Loss Drug Firm Corvana Swings to Loss",
        "Corvana's quarterly profit rose 40% to $2.1 billion on strong sales of its weight loss drug.",
        False,
    ),
]


@pytest.mark.parametrize(("headline", "story", "grounded"), REVIEW_WIRE_WORDS)
def test_review_probes_of_wire_words(headline: str, story: str, grounded: bool) -> None:
    assert check_grounding(headline, story).grounded is grounded


#: A price's loss over a span of trading is its fall, not a company's result; a halt may be told as a pause, though a
#: discontinuation may not.
MARKET_LOSSES_AND_HALTS = [
    ("Bitcoin Posts Biggest Monthly Loss Since 2022", "Bitcoin fell 18% in June, its largest monthly decline since 2022.", []),
    (
        "Bitcoin Posts Biggest Monthly Gain Since 2022",
        "Bitcoin fell 18% in June, its largest monthly decline since 2022.",
        ["Gain"],
    ),
    ("Oil Set for Weekly Loss on Demand Worries", "Oil prices fell on Friday and were headed for a weekly decline of 3%.", []),
    (
        "Palm Oil Extends Losses for Third Session",
        "Malaysian palm oil futures fell for a third straight session on Wednesday.",
        [],
    ),
    ("Acme Posts Quarterly Loss", "Acme reported a quarterly profit of $5 million; its shares fell 3%.", ["Loss"]),
    ("Corvo Halts Trial of Lupus Drug", "Corvo paused the trial of its lupus drug after two patient deaths.", []),
    ("Acme Discontinues App", "Acme paused the rollout of its app.", ["Discontinues"]),
]


@pytest.mark.parametrize(("headline", "story", "unsupported"), MARKET_LOSSES_AND_HALTS)
def test_a_markets_loss_and_a_halt(headline: str, story: str, unsupported: list[str]) -> None:
    assert check_grounding(headline, story).unsupported == unsupported

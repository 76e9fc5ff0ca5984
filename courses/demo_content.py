"""Demo course content for Praxis.

Original course material for training school technology liaisons (edtech coaches), used by
the seed script to build demo courses. It is plain data: IMAGES are colored title cards the
seed script draws, DOCUMENTS are plain-text resources it writes to files, and COURSES holds
the flagship course and a short companion course, each made of modules, lessons and
StreamField blocks given as (block_type, value) pairs.
"""

IMAGES = {
    "relationships": {
        "title": "Relationships before technology",
        "alt": (
            "A deep green card reading 'Relationships before technology' in large white letters."
        ),
        "color": "#2f6f5e",
    },
    "coaching-cycle": {
        "title": "The coaching cycle",
        "alt": "A deep blue card reading 'The coaching cycle' in large white letters.",
        "color": "#2b4c7e",
    },
    "partnership": {
        "title": "Partnership and trust",
        "alt": "A plum-colored card reading 'Partnership and trust' in large white letters.",
        "color": "#6b3f69",
    },
    "office-hours": {
        "title": "Office hours",
        "alt": "A warm orange card reading 'Office hours' in large white letters.",
        "color": "#b5562b",
    },
    "tech-club": {
        "title": "Tech club",
        "alt": "A teal card reading 'Tech club' in large white letters.",
        "color": "#1f7a8c",
    },
    "data-reflection": {
        "title": "Measure and reflect",
        "alt": "A slate gray card reading 'Measure and reflect' in large white letters.",
        "color": "#4a5560",
    },
}

DOCUMENTS = {
    "partnership-agreement-template": {
        "title": "Partnership agreement template",
        "filename": "partnership-agreement-template.txt",
        "content": (
            "PARTNERSHIP AGREEMENT: TECHNOLOGY LIAISON AND SITE ADMINISTRATOR\n"
            "\n"
            "School: ______________________    School year: __________\n"
            "Liaison: _____________________    Administrator: ____________________\n"
            "\n"
            "1. PURPOSE OF THE ROLE\n"
            "   In one or two sentences, what should be different for teachers and students\n"
            "   at this school because a liaison is here?\n"
            "   ______________________________________________________________________\n"
            "\n"
            "2. PRIORITIES FOR THIS YEAR (choose no more than three)\n"
            "   a. ____________________________________________________________\n"
            "   b. ____________________________________________________________\n"
            "   c. ____________________________________________________________\n"
            "\n"
            "3. TIME\n"
            "   Coaching hours owed this year: ______   Release time per week: ______\n"
            "   Regular office hours (day, time, place): ______________________________\n"
            "   Tasks that are NOT part of the liaison role (for example: device repair,\n"
            "   password resets, covering classes, evaluating teachers):\n"
            "   ______________________________________________________________________\n"
            "\n"
            "4. CONFIDENTIALITY\n"
            "   The liaison does not report on individual teachers' skills, attitudes or\n"
            "   participation beyond what the teacher has agreed to share.\n"
            "   The liaison may share: totals of hours, numbers of teachers served,\n"
            "   themes across the school, and anonymized examples.\n"
            "   Exceptions: student safety concerns and legal obligations always override\n"
            "   this agreement and are handled through the usual school channels.\n"
            "\n"
            "5. HOW WE WILL COMMUNICATE\n"
            "   Check-in meeting (how often, how long): _____________________________\n"
            "   What the liaison brings to each check-in: ____________________________\n"
            "   How the administrator will introduce the role to staff: _______________\n"
            "\n"
            "6. HOW WE WILL KNOW IT IS WORKING\n"
            "   Data the liaison will collect: _______________________________________\n"
            "   When we will review it together: _____________________________________\n"
            "\n"
            "7. REVISITING THIS AGREEMENT\n"
            "   We will reread and revise this agreement in: _________________ (month)\n"
            "\n"
            "Signed: ____________________ (liaison)   ____________________ (administrator)\n"
            "Date:   ____________________\n"
        ),
    },
    "coaching-log-template": {
        "title": "Coaching log template",
        "filename": "coaching-log-template.txt",
        "content": (
            "COACHING LOG\n"
            "\n"
            "Keep one line per contact. Record what happened, not judgments about people.\n"
            "Share only totals and themes unless a teacher has agreed otherwise.\n"
            "\n"
            "Liaison: ______________________   Month: ______________\n"
            "\n"
            "COLUMNS\n"
            "  Date | Minutes | Format | Teacher code | Focus | Next step | Follow-up date\n"
            "\n"
            "FORMAT CODES\n"
            "  OH  = office hours (drop-in)\n"
            "  1:1 = scheduled one-on-one\n"
            "  SG  = small group (2 to 5 teachers)\n"
            "  TC  = tech club session\n"
            "  CT  = co-teaching or modeling in a classroom\n"
            "  OB  = observation with debrief (invited by the teacher)\n"
            "\n"
            "TEACHER CODE\n"
            "  Use initials or a number from your private key, never full names in a shared\n"
            "  copy of this log. Keep the key somewhere only you can open.\n"
            "\n"
            "FOCUS (keep it about student learning where you can)\n"
            "  Example: 'Grade 7 science: students giving each other feedback on lab\n"
            "  write-ups with comments in the shared document.'\n"
            "\n"
            "EXAMPLE ROWS\n"
            "  03 Oct | 25 | 1:1 | T14 | Exit tickets with a form, period 3 | Try on Thursday | "
            "07 Oct\n"
            "  05 Oct | 40 | TC  | 9 teachers | Audio feedback on writing | Share samples | 19 "
            "Oct\n"
            "  09 Oct | 15 | OH  | T03 | Organizing class files before parent night | None | -\n"
            "\n"
            "MONTHLY TOTALS\n"
            "  Total minutes: ______   One-on-one: ______   Small group: ______\n"
            "  Tech club: ______       Classroom (CT/OB): ______\n"
            "  Different teachers served: ______   New this month: ______\n"
            "\n"
            "ONE THING I NOTICED THIS MONTH\n"
            "  ____________________________________________________________________\n"
        ),
    },
    "office-hours-sign-up": {
        "title": "Office hours sign-up sheet",
        "filename": "office-hours-sign-up.txt",
        "content": (
            "TECH OFFICE HOURS: SIGN-UP SHEET\n"
            "\n"
            "Where: ______________________   When: ______________________\n"
            "Drop-ins are always welcome. Signing up just helps me prepare.\n"
            "\n"
            "What happens here stays between us unless you choose to share it.\n"
            "Bring a real lesson, a real frustration, or a half-formed idea.\n"
            "\n"
            "-----------------------------------------------------------------------\n"
            "TIME SLOT   | NAME (or initials) | WHAT WOULD HELP MOST?\n"
            "-----------------------------------------------------------------------\n"
            " 7:30-7:45  |                    |\n"
            " 7:45-8:00  |                    |\n"
            " 3:15-3:30  |                    |\n"
            " 3:30-3:45  |                    |\n"
            " 3:45-4:00  |                    |\n"
            "-----------------------------------------------------------------------\n"
            "\n"
            "IDEAS FOR WHAT TO BRING\n"
            "  - A lesson you are teaching next week that you would like to refresh\n"
            "  - A tool you tried once and gave up on\n"
            "  - Student work you would like to give feedback on more quickly\n"
            "  - A question you have been embarrassed to ask (there are none of those)\n"
            "\n"
            "PREFER SOMETHING ELSE?\n"
            "  [ ] Please come to my classroom instead\n"
            "  [ ] I would like to come with a colleague\n"
            "  [ ] Email me a time that suits: __________________________\n"
            "\n"
            "Thank you for coming. Your time matters, and so does your trust.\n"
        ),
    },
    "tech-club-session-plan": {
        "title": "Tech club session plan",
        "filename": "tech-club-session-plan.txt",
        "content": (
            "TECH CLUB SESSION PLAN (30 to 45 minutes)\n"
            "\n"
            "Date: ____________   Room: ____________   Facilitator: ____________\n"
            "\n"
            "THE CLASSROOM PROBLEM\n"
            "  What do teachers struggle with that this session helps with?\n"
            "  (Write it in teachers' words, not the tool's name.)\n"
            "  __________________________________________________________________\n"
            "\n"
            "THE ONE THING\n"
            "  By the end, every teacher will have made or tried: _________________\n"
            "\n"
            "MATERIALS\n"
            "  [ ] Devices charged     [ ] Sample accounts or files ready\n"
            "  [ ] Login help ready    [ ] A classroom example to show\n"
            "  [ ] Sign-in sheet       [ ] Exit question printed or posted\n"
            "\n"
            "AGENDA\n"
            "  0-5    Welcome and the problem. Ask: 'Where does this show up for you?'\n"
            "  5-12   Show one short example from a real classroom (ideally a colleague).\n"
            "  12-30  Hands-on build. Teachers make something for a lesson they teach\n"
            "         this week. Circulate; pair confident and cautious teachers.\n"
            "  30-38  Share: two or three teachers show what they made.\n"
            "  38-45  Exit question and invitation to office hours.\n"
            "\n"
            "DIFFERENTIATION\n"
            "  If a teacher is just starting: ____________________________________\n"
            "  If a teacher is already fluent: ___________________________________\n"
            "\n"
            "EXIT QUESTION\n"
            "  'What will you try with students before our next session, and what\n"
            "   might get in the way?'\n"
            "\n"
            "FOLLOW-UP (within one week)\n"
            "  [ ] Send a short recap with the example and a how-to\n"
            "  [ ] Check in with two teachers who said they would try it\n"
            "  [ ] Log attendance and minutes in the coaching log\n"
        ),
    },
    "confidentiality-norms": {
        "title": "Confidentiality norms for liaisons",
        "filename": "confidentiality-norms.txt",
        "content": (
            "CONFIDENTIALITY NORMS FOR TECHNOLOGY LIAISONS\n"
            "\n"
            "Share these with teachers at the start of the year and repeat them often.\n"
            "\n"
            "WHAT STAYS BETWEEN US\n"
            "  - What you ask, what you find hard, and what you have not tried yet.\n"
            "  - Anything I see in your classroom when you have invited me in.\n"
            "  - Your name, unless you tell me I may share your work.\n"
            "\n"
            "WHAT I DO SHARE WITH ADMINISTRATORS\n"
            "  - Totals: hours of coaching, number of sessions, number of teachers.\n"
            "  - Themes across the whole school, with no names attached.\n"
            "    (For example: 'Several teams want help with feedback on writing.')\n"
            "  - Success stories, but only with the teacher's permission.\n"
            "\n"
            "WHAT I WILL NEVER DO\n"
            "  - Evaluate you, or feed information into your evaluation.\n"
            "  - Answer questions about a named teacher's skills or attitude.\n"
            "  - Talk about one colleague's classroom with another without permission.\n"
            "\n"
            "THE EXCEPTIONS\n"
            "  - If a student is at risk of harm, I follow the school's safeguarding\n"
            "    procedures, exactly as any staff member must.\n"
            "  - If the law or district policy requires me to report something,\n"
            "    I will tell you that I am obliged to do so, if I am allowed to.\n"
            "\n"
            "IF AN ADMINISTRATOR ASKS ABOUT A TEACHER\n"
            "  A sample response: 'I keep coaching conversations confidential so that\n"
            "  teachers will keep coming. I can tell you what the whole staff is\n"
            "  working on, and I am happy to help you plan a conversation with that\n"
            "  teacher yourself.'\n"
            "\n"
            "IF I MAKE A MISTAKE\n"
            "  I will tell you, apologize, and ask what would help repair it.\n"
        ),
    },
    "teacher-feedback-questions": {
        "title": "Teacher feedback questions",
        "filename": "teacher-feedback-questions.txt",
        "content": (
            "TEACHER FEEDBACK QUESTIONS\n"
            "\n"
            "Use three to five of these after a coaching cycle, office-hours visit or\n"
            "tech club session. Keep it short and anonymous where you can.\n"
            "\n"
            "ABOUT THE EXPERIENCE\n"
            "  1. How useful was our time together for your teaching this week?\n"
            "     (1 = not useful, 5 = very useful)\n"
            "  2. What, if anything, did you change in your classroom afterwards?\n"
            "  3. What got in the way of trying it?\n"
            "  4. How comfortable did you feel asking questions?\n"
            "     (1 = not comfortable, 5 = completely comfortable)\n"
            "\n"
            "ABOUT STUDENTS\n"
            "  5. What did you notice students doing differently, if anything?\n"
            "  6. Which students seemed to benefit most? Which seemed to benefit least?\n"
            "\n"
            "ABOUT WHAT COMES NEXT\n"
            "  7. What would you like help with next?\n"
            "  8. Which format suits you best right now?\n"
            "     [ ] Drop-in office hours  [ ] One-on-one  [ ] Small group\n"
            "     [ ] Tech club             [ ] Someone in my classroom\n"
            "  9. Is there anything you would like me to do differently?\n"
            "\n"
            "FOR THE LIAISON: MAKING SENSE OF THE ANSWERS\n"
            "  - Read for patterns across teachers, not verdicts on individuals.\n"
            "  - Look at question 3 closely: barriers often point to the next session.\n"
            "  - Share themes with your administrator; keep individual answers private.\n"
            "  - Tell teachers what you changed because of their feedback.\n"
        ),
    },
}

FLAGSHIP = {
    "title": "Coaching from Theory to Practice",
    "slug": "coaching-from-theory-to-practice",
    "summary": (
        "A practical course for new technology liaisons on the human side of coaching: building "
        "trust, running coaching cycles, working with administrators, and using evidence to grow."
    ),
    "intro": (
        "<p>You were probably asked to become a technology liaison because colleagues already "
        "come to you for help. This course is about what happens next: turning that goodwill into "
        "coaching that changes what students experience, without becoming the school's unofficial "
        "help desk.</p><p>The course deliberately spends more time on people than on tools. You "
        "will learn to listen before advising, to run coaching cycles around goals teachers care "
        "about, to agree the shape of your role with your administrator, and to protect the "
        "confidentiality that makes teachers willing to ask for help. You will also learn to run "
        "office hours and tech club sessions that teachers actually attend, and to collect "
        "evidence that helps you reflect honestly on your own practice.</p><p>Each lesson ends "
        "with something to try on your own campus, usually with a teacher, within the week. If "
        "you are taking the course with a cohort, bring your notes from those tasks to the "
        "monthly liaison meeting; they are the most valuable part of the course.</p>"
    ),
    "outcomes": [
        "Build trusting, confidential coaching relationships with teachers before introducing any "
        "technology.",
        "Plan and run a complete coaching cycle around a goal for student learning that the "
        "teacher owns.",
        "Draft and maintain a partnership agreement with a site administrator that protects "
        "confidentiality and coaching time.",
        "Adapt coaching approaches for eager teachers, hesitant teachers and school-wide "
        "requirements.",
        "Design office hours and tech club sessions that teachers attend and act on.",
        "Collect and reflect on coaching data at the levels of activity, teacher practice and "
        "student learning.",
    ],
    "audience": (
        "Classroom teachers who have taken on a part-time technology liaison or coaching role at "
        "their school, in their first or second year. Experienced liaisons who want a structured "
        "refresher will also find it useful."
    ),
    "estimated_hours": 12,
    "paces": ["self_paced", "facilitated"],
    "hero_image": "relationships",
    "modules": [
        {
            "title": "Relationships Before Technology",
            "slug": "relationships-before-technology",
            "summary": (
                "Teachers adopt new practices from people they trust. This module is about "
                "becoming that person before you ever open a laptop together."
            ),
            "lessons": [
                {
                    "title": "Why Trust Comes Before Tools",
                    "slug": "why-trust-comes-before-tools",
                    "summary": (
                        "Understand why the relationship, not the tool, is what makes coaching "
                        "work."
                    ),
                    "estimated_minutes": 25,
                    "body": [
                        (
                            "image",
                            {
                                "image": "relationships",
                                "caption": (
                                    "Every coaching conversation rests on the same foundation: a "
                                    "teacher who believes you are on their side."
                                ),
                            },
                        ),
                        (
                            "rich_text",
                            "<p>Most new liaisons are chosen because they are good with "
                            "technology. Colleagues have already been knocking on their door to "
                            "ask how to share a folder or fix a projector, and the principal has "
                            "noticed. So it is natural to assume the job is to know more tools "
                            "and show them to more people.</p><p>That assumption is the first "
                            "thing this course asks you to set aside. Knowing the tools is "
                            "necessary, but it is not what changes classrooms. Teachers change "
                            "their practice when they feel safe enough to try something new in "
                            "front of thirty students, and when they believe the person helping "
                            "them understands their room, their students and their constraints. A "
                            "teacher who trusts you will try a half-finished idea with you on a "
                            "Tuesday. A teacher who does not will nod politely through your "
                            "demonstration and never open the tool again.</p><p>Trust is built "
                            "slowly and spent quickly. It grows when you keep small promises, "
                            "when you admit what you do not know, and when a teacher discovers "
                            "that the clumsy lesson you helped with was never mentioned in the "
                            "staff room. It shrinks when you appear to be checking up on people, "
                            "when you arrive with the answer before hearing the question, or when "
                            "the conversation is about the tool rather than the students.</p>",
                        ),
                        ("heading", "What teachers are really asking"),
                        (
                            "rich_text",
                            "<p>When a teacher asks, 'Can you show me how to use the quiz tool?', "
                            "the literal question is about software. The real question is usually "
                            "something else:</p><ul><li><b>'Will this save me time or cost me "
                            "time?'</b> Teachers are rationing energy. A tool that needs an hour "
                            "of setup for five minutes of benefit is a bad trade, and they know "
                            "it.</li><li><b>'Will I look foolish?'</b> Experienced teachers have "
                            "spent years becoming expert. Being a beginner again, especially in "
                            "front of a younger colleague, is uncomfortable.</li><li><b>'Is this "
                            "going to be taken away or replaced next year?'</b> Many staff have "
                            "lived through several initiatives that arrived with fanfare and "
                            "disappeared quietly.</li><li><b>'Is someone going to judge me on "
                            "this?'</b> If coaching feels connected to evaluation, every question "
                            "becomes a risk.</li></ul><p>Coaching that answers these hidden "
                            "questions first, through your manner as much as your words, gets "
                            "much further than coaching that answers only the literal one.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "quote",
                                "title": "",
                                "text": (
                                    "My first month I ran three beautiful workshops and almost "
                                    "nobody came back. My second month I just ate lunch in the "
                                    "science workroom and asked people what was driving them "
                                    "crazy. By November my office hours were full."
                                ),
                                "attribution": "A middle-school liaison in our pilot cohort",
                            },
                        ),
                        (
                            "video",
                            {
                                "url": "https://www.youtube.com/watch?v=pRx7Lc2Tq0w",
                                "title": "Trust first: three liaisons on their first year",
                                "transcript": (
                                    "Three liaisons from elementary, middle and high schools "
                                    "describe the moment coaching started to work on their "
                                    "campus. Each of them points to a relationship rather than a "
                                    "tool: a teacher who took a risk after a private "
                                    "conversation, a team that invited them in after a lunch-time "
                                    "chat, and a veteran teacher who came round after seeing that "
                                    "a struggle was kept confidential. They agree that the first "
                                    "term is mostly about listening."
                                ),
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Think of a colleague whose advice you have actually acted "
                                    "on. What did that person do, or not do, that made you trust "
                                    "them?"
                                ),
                                "guidance": (
                                    "Be specific about behaviors rather than personality traits. "
                                    "You will return to this list when you plan your first month."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Teachers adopt new practices from people they trust, not "
                                    "from the best demonstration.",
                                    "Behind most technology questions sit quieter questions about "
                                    "time, risk and judgment.",
                                    "Trust grows through small kept promises and visible "
                                    "discretion, and it can be lost in a single careless remark.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Listening Like a Coach",
                    "slug": "listening-like-a-coach",
                    "summary": (
                        "Practice the listening moves that help teachers name what they actually "
                        "want for their students."
                    ),
                    "estimated_minutes": 30,
                    "body": [
                        (
                            "rich_text",
                            "<p>Teachers spend their days responding quickly. A hand goes up and "
                            "you answer; a student is stuck and you unstick them. That habit "
                            "serves classrooms well, but it works against coaching. When a "
                            "colleague brings you a problem, the instinct is to solve it in the "
                            "first minute. Usually the first minute is too early: you do not yet "
                            "know what the problem is.</p><p>Coaching conversations work better "
                            "when the teacher does most of the talking in the opening few "
                            "minutes. Your job is to help them think out loud, to slow down long "
                            "enough that the real goal surfaces, and to make sure they leave "
                            "feeling heard rather than managed. This is a skill, and like any "
                            "skill it improves with deliberate practice.</p>",
                        ),
                        ("heading", "Three listening moves"),
                        (
                            "rich_text",
                            "<ol><li><b>Paraphrase before you propose.</b> Say back what you "
                            "heard in fewer words: 'So the lab reports are taking you all weekend "
                            "to mark, and students are not reading the comments anyway.' A good "
                            "paraphrase shows you were listening and often prompts the teacher to "
                            "correct or sharpen it.</li><li><b>Ask one open question at a "
                            "time.</b> 'What would it look like if this were working?' or 'What "
                            "have you already tried?' Resist stacking three questions into one "
                            "breath; the teacher will answer only the last.</li><li><b>Name the "
                            "student outcome.</b> Gently steer from the tool to the learners: 'If "
                            "students did read the comments, what would you hope they would do "
                            "differently?' This one question often turns a software request into "
                            "a real coaching goal.</li></ol><p>Notice what is missing from the "
                            "list: advice. Advice has its place, and teachers often want it. But "
                            "advice offered after a good paraphrase and an open question lands "
                            "very differently from advice offered before either.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "tip",
                                "title": "Count to five",
                                "text": (
                                    "After you ask a question, silently count to five before "
                                    "saying anything else. Most teachers fill the pause with the "
                                    "thing they actually wanted to say. It feels long at first; "
                                    "it is the most useful five seconds in the conversation."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "video",
                            {
                                "url": "https://vimeo.com/482913306",
                                "title": "The same conversation, twice",
                                "transcript": (
                                    "A liaison and a fifth-grade teacher act out the same "
                                    "office-hours visit two ways. In the first version the "
                                    "liaison jumps straight to a demonstration of a reading app, "
                                    "and the teacher leaves politely unconvinced. In the second "
                                    "the liaison paraphrases, asks what the teacher has tried, "
                                    "and asks what success would look like for her weakest "
                                    "readers; the conversation ends with a small, specific plan "
                                    "the teacher chose herself."
                                ),
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with a teacher this week: a ten-minute listening "
                                    "conversation"
                                ),
                                "instructions": (
                                    "<p>Choose a colleague you already get on with and ask for "
                                    "ten minutes about something that is bugging them in their "
                                    "teaching right now. It does not need to involve "
                                    "technology.</p><ul><li>Open with: 'What is taking up more of "
                                    "your energy than it should at the "
                                    "moment?'</li><li>Paraphrase at least twice.</li><li>Ask at "
                                    "least one question about what students would be doing if the "
                                    "problem were solved.</li><li>Offer no advice unless they "
                                    "explicitly ask for it, and even then ask first what they "
                                    "have already considered.</li></ul><p>Afterwards, jot down "
                                    "how much of the time you spent talking, and what you learned "
                                    "that you would have missed if you had jumped in with a "
                                    "solution.</p>"
                                ),
                                "time_estimate_minutes": 20,
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "What was hardest about holding back advice in your listening "
                                    "conversation, and what did the teacher say that surprised "
                                    "you?"
                                ),
                                "guidance": (
                                    "If you did not manage to hold back, that is useful data too. "
                                    "Note the moment you jumped in and what prompted it."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "The first minute of a coaching conversation is almost always "
                                    "too early to solve the problem.",
                                    "Paraphrase, ask one open question at a time, and steer "
                                    "towards what students would be doing.",
                                    "Advice lands better after the teacher feels heard.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Your First Thirty Days on Campus",
                    "slug": "your-first-thirty-days",
                    "summary": (
                        "Plan a first month that builds relationships and sets expectations "
                        "before the requests pile up."
                    ),
                    "estimated_minutes": 25,
                    "body": [
                        (
                            "rich_text",
                            "<p>The first month in the liaison role sets patterns that are hard "
                            "to change later. If you spend it fixing printers and resetting "
                            "passwords, staff will learn that you are the help desk, and that is "
                            "what they will bring you all year. If you spend it only planning "
                            "polished workshops, you may find few people come, because nobody yet "
                            "knows why they should. A better first month is quieter and more "
                            "deliberate: you make yourself known, you listen a great deal, and "
                            "you are clear about what the role is for.</p>",
                        ),
                        ("heading", "Week by week"),
                        (
                            "rich_text",
                            "<ul><li><b>Week 1: Introduce the role, not the tools.</b> Ask your "
                            "administrator to introduce you at a staff meeting, then say in two "
                            "minutes what you are for: helping teachers do what they already want "
                            "to do for students, in confidence. Share the confidentiality norms "
                            "in writing.</li><li><b>Week 2: Go where teachers already are.</b> "
                            "Visit team meetings as a guest, eat in the staff room, stand in the "
                            "corridor at changeover. Ask people what is working and what is "
                            "wearing them down. Write down what you hear, without names, to look "
                            "for patterns.</li><li><b>Week 3: Open your office hours.</b> Choose "
                            "a regular time and place that suits teachers rather than you. Post "
                            "the sign-up sheet but welcome drop-ins. Follow up every visit with a "
                            "short, friendly note.</li><li><b>Week 4: Start one or two coaching "
                            "partnerships.</b> Invite a couple of teachers who have already shown "
                            "interest to work with you on a real goal over several weeks. Early "
                            "successes, shared with their permission, are your best "
                            "advertisement.</li></ul>",
                        ),
                        (
                            "callout",
                            {
                                "style": "warning",
                                "title": "The help desk trap",
                                "text": (
                                    "Quick fixes feel generous and earn gratitude, but they crowd "
                                    "out coaching. Help when it is urgent, then point people to "
                                    "the proper support channel next time. A kind, consistent "
                                    "'Let me show you where to log that so it gets fixed "
                                    "properly' protects your coaching hours without damaging "
                                    "goodwill."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "resource",
                            {
                                "document": "confidentiality-norms",
                                "title": "Confidentiality norms for liaisons",
                                "description": (
                                    "A one-page statement you can adapt and hand out in your "
                                    "first week. It tells teachers what stays private, what you "
                                    "share with administrators, and the few exceptions."
                                ),
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": "Try this with a teacher this week: the listening tour",
                                "instructions": (
                                    "<p>Have five short conversations with five different staff "
                                    "members this week, ideally from different grades, subjects "
                                    "or teams. Include at least one person you do not yet know "
                                    "well.</p><p>Ask each of them two questions: 'What is going "
                                    "well for your students this year?' and 'What is one thing "
                                    "that takes more time than it should?' Take notes without "
                                    "names afterwards.</p><p>At the end of the week, read your "
                                    "notes and circle any theme that came up more than once. That "
                                    "theme is a strong candidate for your first tech club "
                                    "session.</p>"
                                ),
                                "time_estimate_minutes": 60,
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Looking at your calendar for the next month, where is the "
                                    "risk that you slip into being the help desk, and what will "
                                    "you say or do to stay focused on coaching?"
                                ),
                                "guidance": (
                                    "Name a specific situation, such as a colleague who always "
                                    "asks you for quick fixes, and script the sentence you will "
                                    "use."
                                ),
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "The Coaching Cycle",
            "slug": "the-coaching-cycle",
            "summary": (
                "A coaching cycle turns a one-off conversation into several weeks of focused work "
                "on a goal the teacher chose. Learn its stages and how to fit them around a full "
                "teaching load."
            ),
            "lessons": [
                {
                    "title": "Anatomy of a Coaching Cycle",
                    "slug": "anatomy-of-a-coaching-cycle",
                    "summary": (
                        "Walk through the stages of a coaching cycle and see how a liaison can "
                        "run one in four to six weeks."
                    ),
                    "estimated_minutes": 30,
                    "body": [
                        (
                            "image",
                            {
                                "image": "coaching-cycle",
                                "caption": (
                                    "A coaching cycle is a loop, not a line: each round of "
                                    "reflection shapes the next goal."
                                ),
                            },
                        ),
                        (
                            "rich_text",
                            "<p>A single office-hours visit can solve a problem. A coaching cycle "
                            "can change a practice. The difference is time and focus: in a cycle, "
                            "you and one teacher (or a small team) work on one goal over several "
                            "weeks, trying something with students, looking at what happened, and "
                            "adjusting. The teacher owns the goal and makes the decisions; you "
                            "bring questions, ideas, an extra pair of hands and a steady "
                            "rhythm.</p><p>Cycles matter for liaisons because they are where the "
                            "coaching hours you owe turn into visible change. A workshop attended "
                            "by twenty people may shift very little; a six-week cycle with two "
                            "teachers often produces a lesson, a routine or a set of student work "
                            "samples that colleagues want to copy.</p>",
                        ),
                        ("heading", "The stages in practice"),
                        (
                            "rich_text",
                            "<ol><li><b>Goal.</b> In a first meeting of twenty to thirty minutes, "
                            "the teacher names what they want students to be able to do or "
                            "experience. You help sharpen it into something "
                            "observable.</li><li><b>Plan.</b> Together you choose a strategy, and "
                            "a tool only if it serves the strategy. Decide what you will look at "
                            "to know whether it is working: student work, a short survey, an exit "
                            "ticket, a count of something.</li><li><b>Learn and prepare.</b> You "
                            "might model the approach in the teacher's class, co-plan a lesson, "
                            "or sit side by side while the teacher builds the materials. The aim "
                            "is readiness, not perfection.</li><li><b>Try.</b> The teacher uses "
                            "the strategy with students, ideally more than once. You may be in "
                            "the room, or you may not; both are fine.</li><li><b>Reflect.</b> You "
                            "meet again with the evidence in front of you. What happened? What "
                            "surprised you? What will you keep, change or "
                            "drop?</li><li><b>Decide.</b> Run another round on the same goal, set "
                            "a new goal, or close the cycle and celebrate. Closing well matters: "
                            "it makes the next invitation easier to accept.</li></ol>",
                        ),
                        (
                            "video",
                            {
                                "url": "https://www.youtube.com/watch?v=Kc4mWq19dZs",
                                "title": "A six-week cycle, start to finish",
                                "transcript": (
                                    "This short documentary follows a high-school liaison and a "
                                    "history teacher through one coaching cycle on structured "
                                    "online discussion. It shows the goal-setting meeting, a "
                                    "co-planned lesson, a rough first attempt in which students "
                                    "mostly agreed with each other, and a reflection meeting "
                                    "where the pair looked at student posts together. In the "
                                    "second round, the teacher added sentence starters for "
                                    "disagreement, and the quality of the discussion rose "
                                    "noticeably."
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "style": "note",
                                "title": "Fitting cycles around your own teaching",
                                "text": (
                                    "Most liaisons teach for most of the day. A realistic cycle "
                                    "for you might be three meetings of 25 minutes plus one "
                                    "classroom visit, spread across five weeks. Two such cycles "
                                    "running at once is plenty. It is better to finish two cycles "
                                    "well than to start six and let them fade."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "resource",
                            {
                                "document": "coaching-log-template",
                                "title": "Coaching log template",
                                "description": (
                                    "A simple log for recording each coaching contact, including "
                                    "cycle meetings and classroom visits. It uses teacher codes "
                                    "rather than names so you can share totals safely."
                                ),
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Which stage of the cycle do you expect to find most "
                                    "difficult to protect in your schedule, and why?"
                                ),
                                "guidance": (
                                    "Many liaisons say the reflection meeting is the first to be "
                                    "canceled. If that is true for you, consider booking it at "
                                    "the same time as the goal meeting."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "A cycle is several weeks of focused work on one goal that "
                                    "the teacher owns.",
                                    "Goal, plan, prepare, try, reflect and decide: the reflection "
                                    "stage is where the learning happens.",
                                    "Two well-finished cycles are worth more than six that fade "
                                    "away.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Setting Goals Around Student Learning",
                    "slug": "setting-goals-around-student-learning",
                    "summary": (
                        "Turn requests about tools into goals about what students will do, so the "
                        "work stays meaningful."
                    ),
                    "estimated_minutes": 25,
                    "body": [
                        (
                            "rich_text",
                            "<p>Teachers often arrive with a tool-shaped goal: 'I want to get "
                            "better at the learning platform', or 'I want to use more video.' "
                            "There is nothing wrong with that as a starting point, and it should "
                            "never be dismissed. But a goal framed only around a tool gives you "
                            "no way to know whether the cycle worked. You can use a platform "
                            "every day and still see no change in what students learn.</p><p>Your "
                            "job in the goal meeting is to help the teacher connect the tool to a "
                            "purpose. This is not about correcting them. It is about asking "
                            "questions that let them discover the purpose they already had in "
                            "mind.</p>",
                        ),
                        ("heading", "From tool goals to learning goals"),
                        (
                            "rich_text",
                            "<p>Here are three real-sounding requests from our pilot schools, and "
                            "the goals they became after one good conversation:</p><ul><li><b>'I "
                            "want to learn the quiz app.'</b> became <i>'By the end of the unit, "
                            "I want students to check their own understanding twice a week and "
                            "tell me which topics they need to revisit.'</i></li><li><b>'Can you "
                            "help me set up the class blog?'</b> became <i>'I want my quietest "
                            "writers to get feedback from an audience other than me at least once "
                            "a fortnight.'</i></li><li><b>'I need to use more video.'</b> became "
                            "<i>'I want students who are absent to be able to catch up on the key "
                            "demonstration without waiting for me at lunch.'</i></li></ul><p>In "
                            "each case, the tool is still there. It is now in service of "
                            "something the teacher cares about, and there is something to look at "
                            "when you reflect.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "tip",
                                "title": "Three tests for a good goal",
                                "text": (
                                    "Is it about students? Could you see or count evidence of it "
                                    "in a few weeks? Does the teacher light up a little when they "
                                    "say it? If the answer to all three is yes, you have a goal "
                                    "worth working on."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": "Try this with a teacher this week: reframe one request",
                                "instructions": (
                                    "<p>The next time a teacher asks for help with a specific "
                                    "tool, help them first, then ask for five more "
                                    "minutes.</p><ul><li>Ask: 'What are you hoping students will "
                                    "do with this?'</li><li>Follow with: 'If it worked really "
                                    "well, what would you notice in a month?'</li><li>Write the "
                                    "resulting goal down in the teacher's own words and read it "
                                    "back to them.</li></ul><p>You do not need to start a full "
                                    "cycle. The aim is to practice the reframing move and to see "
                                    "how the teacher responds to it.</p>"
                                ),
                                "time_estimate_minutes": 15,
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Write down a tool-shaped goal you have heard recently, then "
                                    "rewrite it as a goal about student learning. What question "
                                    "would have helped the teacher make that shift themselves?"
                                ),
                                "guidance": (
                                    "Avoid rewriting the goal into something the teacher would "
                                    "not recognize. The best goals still sound like the teacher."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Tool-shaped goals are a fine starting point but give you "
                                    "nothing to reflect on.",
                                    "Ask what students would do differently, and what you would "
                                    "notice in a month.",
                                    "Good goals are about students, observable within weeks, and "
                                    "genuinely wanted by the teacher.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Modeling, Co-Teaching and Stepping Back",
                    "slug": "modeling-co-teaching-and-stepping-back",
                    "summary": (
                        "Choose the right kind of classroom support and plan how to hand "
                        "ownership back to the teacher."
                    ),
                    "estimated_minutes": 30,
                    "body": [
                        (
                            "rich_text",
                            "<p>Many teachers say the most useful thing a coach ever did for them "
                            "was to come into their classroom and teach alongside them. Seeing a "
                            "strategy work with your own students, in your own room, removes a "
                            "great deal of doubt. It also removes the excuse that 'it would never "
                            "work with my class'.</p><p>But classroom support comes in different "
                            "forms, and each carries a different level of risk for the teacher. "
                            "Choosing the right one, and planning how you will gradually step "
                            "back, is part of the craft.</p>",
                        ),
                        ("heading", "A gradual release for teachers"),
                        (
                            "rich_text",
                            "<ul><li><b>I do, you watch.</b> You model the strategy with the "
                            "teacher's class while the teacher observes, ideally with a simple "
                            "focus such as 'watch what students do in the first three minutes'. "
                            "This is low risk for the teacher and high risk for you, which is a "
                            "generous trade early in a relationship.</li><li><b>We do "
                            "together.</b> You co-teach: perhaps the teacher leads the lesson "
                            "while you run the technology, or you split the class and each take a "
                            "group. Plan who does what before the lesson, and agree how you will "
                            "handle it if something goes wrong.</li><li><b>You do, I support.</b> "
                            "The teacher leads; you are in the room as a second pair of hands, "
                            "helping students who are stuck with the tool so that the teacher can "
                            "focus on the learning.</li><li><b>You do, I am nearby.</b> The "
                            "teacher runs the lesson alone, and you meet afterwards to look at "
                            "what happened. This is the goal: the practice now belongs to the "
                            "teacher.</li></ul><p>Not every cycle needs every stage. A confident "
                            "teacher may go straight to the third or fourth; a cautious one may "
                            "want to watch you twice. Let the teacher choose, and say out loud "
                            "that either choice is fine.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "quote",
                                "title": "",
                                "text": (
                                    "The day it clicked was when I realized the teacher had "
                                    "stopped looking at me during the lesson. She was looking at "
                                    "the students. That was my cue to start planning my exit."
                                ),
                                "attribution": "An elementary liaison in our pilot cohort",
                            },
                        ),
                        (
                            "video",
                            {
                                "url": "https://www.youtube.com/watch?v=Tq8bN2yHvLe",
                                "title": "Co-teaching without taking over",
                                "transcript": (
                                    "A liaison and a Grade 8 maths teacher describe how they "
                                    "planned a co-taught lesson using a shared whiteboard tool. "
                                    "They agreed beforehand that the teacher would lead all the "
                                    "mathematical explanation while the liaison handled logins "
                                    "and device problems at the back of the room. Afterwards they "
                                    "reflected on one moment when the liaison was tempted to step "
                                    "in and explain, and why holding back kept the teacher firmly "
                                    "in charge in the students' eyes."
                                ),
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with a teacher this week: plan a co-taught lesson"
                                ),
                                "instructions": (
                                    "<p>With a teacher who has invited you into their classroom, "
                                    "spend twenty minutes planning one lesson you will teach "
                                    "together.</p><ul><li>Agree which stage of the gradual "
                                    "release you are at and write it down.</li><li>Divide the "
                                    "roles in a simple table: who explains, who circulates, who "
                                    "handles devices, who watches for what.</li><li>Decide what "
                                    "you will look at afterwards, such as three pieces of student "
                                    "work or the exit ticket responses.</li><li>Agree a plan B if "
                                    "the technology fails, so that the lesson still works without "
                                    "it.</li></ul>"
                                ),
                                "time_estimate_minutes": 45,
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "When have you been tempted to take over a lesson or a "
                                    "conversation that belonged to someone else? What would "
                                    "stepping back have looked like?"
                                ),
                                "guidance": (
                                    "This can be from coaching, teaching or life outside school. "
                                    "The pull to rescue is common among people who become coaches."
                                ),
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Partnership Agreements, Confidentiality and Trust",
            "slug": "partnership-agreements-confidentiality-and-trust",
            "summary": (
                "A clear agreement with your administrator protects the confidentiality that "
                "makes coaching possible. Learn to write one, keep it, and handle the moments "
                "when it is tested."
            ),
            "lessons": [
                {
                    "title": "Building a Partnership Agreement with Your Administrator",
                    "slug": "building-a-partnership-agreement",
                    "summary": (
                        "Agree with your principal, in writing, what the liaison role is for and "
                        "what it is not."
                    ),
                    "estimated_minutes": 30,
                    "body": [
                        (
                            "image",
                            {
                                "image": "partnership",
                                "caption": (
                                    "A partnership agreement is a short document and a long "
                                    "conversation. The conversation matters more."
                                ),
                            },
                        ),
                        (
                            "rich_text",
                            "<p>Liaisons sit in an unusual position. You are a colleague to the "
                            "teachers you coach, yet your role exists because the school or "
                            "district invested in it, and your administrator will reasonably want "
                            "to know that the investment is paying off. Without a clear "
                            "understanding, that tension tends to resolve itself in unhelpful "
                            "ways: the principal asks you to report on who is struggling, or "
                            "fills your release time with duties that have nothing to do with "
                            "coaching, or simply never mentions your role to staff.</p><p>A "
                            "partnership agreement prevents most of this. It is a short written "
                            "understanding, drafted together at the start of the year, about the "
                            "purpose of the role, how your time will be used, what you will and "
                            "will not share, and how you will both know whether it is working. It "
                            "is not a contract in the legal sense. It is a shared reference point "
                            "you can both return to when things get busy or awkward.</p>",
                        ),
                        ("heading", "What goes into the agreement"),
                        (
                            "rich_text",
                            "<ul><li><b>Purpose.</b> One or two sentences on what should be "
                            "different for teachers and students because a liaison is "
                            "here.</li><li><b>Priorities.</b> No more than three for the year, "
                            "ideally linked to the school's existing improvement plan so coaching "
                            "supports work already under way rather than competing with "
                            "it.</li><li><b>Time.</b> How many coaching hours you owe, when your "
                            "release time falls, and a list of tasks that are explicitly outside "
                            "the role, such as device repairs, covering classes or evaluating "
                            "teachers.</li><li><b>Confidentiality.</b> What you will share "
                            "(totals, themes, stories with permission) and what you will not "
                            "(anything about a named teacher without their consent), plus the "
                            "safety exceptions that apply to all "
                            "staff.</li><li><b>Communication.</b> How often you will check in, "
                            "what you will bring, and how the administrator will introduce and "
                            "endorse the role to staff.</li><li><b>Evidence.</b> What data you "
                            "will collect and when you will review it together.</li></ul>",
                        ),
                        (
                            "callout",
                            {
                                "style": "tip",
                                "title": "Bring a draft, not a blank page",
                                "text": (
                                    "Administrators are busy and respond better to something "
                                    "concrete. Fill in the template with your best guess before "
                                    "the meeting, mark the parts you are unsure about, and invite "
                                    "changes. You will get a better agreement in half the time."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "resource",
                            {
                                "document": "partnership-agreement-template",
                                "title": "Partnership agreement template",
                                "description": (
                                    "A one-page template covering purpose, priorities, time, "
                                    "confidentiality, communication and evidence. Print it, fill "
                                    "it in together, and keep a signed copy each."
                                ),
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with your administrator this week: book the "
                                    "agreement meeting"
                                ),
                                "instructions": (
                                    "<p>Request a thirty-minute meeting with your principal or "
                                    "assistant principal to draft your partnership "
                                    "agreement.</p><ul><li>Before the meeting, fill in the "
                                    "template as far as you can, highlighting your "
                                    "questions.</li><li>In the meeting, spend most of the time on "
                                    "the purpose, the confidentiality section and the list of "
                                    "tasks outside the role. These are the parts that prevent "
                                    "problems later.</li><li>Agree a date, perhaps in January, to "
                                    "reread it together.</li></ul><p>If a meeting is not possible "
                                    "this week, send your draft by email with a short note "
                                    "explaining why the agreement matters to you.</p>"
                                ),
                                "time_estimate_minutes": 45,
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Which part of the partnership agreement do you expect your "
                                    "administrator to find easiest to agree, and which part might "
                                    "need the most careful conversation?"
                                ),
                                "guidance": (
                                    "Think about your administrator's pressures: test results, "
                                    "parent expectations, district initiatives. How can the "
                                    "agreement help them with those?"
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "A partnership agreement makes the purpose, time and "
                                    "confidentiality of the role explicit before problems arise.",
                                    "Link your priorities to the school's existing plans so "
                                    "coaching supports rather than competes.",
                                    "Bring a draft, agree what is outside the role, and set a "
                                    "date to revisit it.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Confidentiality: What Stays Between Us",
                    "slug": "confidentiality-what-stays-between-us",
                    "summary": (
                        "Learn where the line sits between sharing useful information and "
                        "breaking a teacher's confidence."
                    ),
                    "estimated_minutes": 25,
                    "body": [
                        (
                            "rich_text",
                            "<p>Confidentiality is the single commitment that most determines "
                            "whether teachers will come to you. A teacher who asks for help is "
                            "admitting, at least a little, that something is not working. If that "
                            "admission could travel to their principal, their department head or "
                            "the staff room, the safest choice is not to ask. And a coach nobody "
                            "asks is a coach with nothing to do.</p><p>Most liaisons agree with "
                            "this in principle. In practice, confidentiality is broken far more "
                            "often by casual conversation than by deliberate disclosure: a funny "
                            "story at lunch, a well-meant example in a workshop, an answer to a "
                            "principal's passing question in the corridor. The aim of this lesson "
                            "is to make the line clear enough that you can hold it without "
                            "thinking.</p>",
                        ),
                        ("heading", "The line between themes and names"),
                        (
                            "rich_text",
                            "<p>A useful rule of thumb is that you may share <b>patterns</b> "
                            "freely but <b>people</b> only with permission.</p><ul><li><b>Fine to "
                            "share:</b> 'Eleven teachers came to office hours this month, mostly "
                            "about giving feedback on writing.' 'Several teams are unsure how to "
                            "set up the new gradebook categories.' 'Coaching hours this term are "
                            "up a third on last term.'</li><li><b>Share only with permission:</b> "
                            "'Ms Okafor's ninth-grade class built a podcast series; she is happy "
                            "for you to visit.' Ask the teacher first, every time, and tell them "
                            "exactly what you intend to say and to whom.</li><li><b>Never "
                            "share:</b> anything that identifies a teacher's difficulty, "
                            "hesitation or mistake, even indirectly.</li></ul><p>Be careful with "
                            "indirect identification. In a small school, 'a second-grade teacher "
                            "who is really anxious about the new platform' may point to exactly "
                            "one person. If the details narrow it down, leave the details out.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "warning",
                                "title": "Stories are the usual leak",
                                "text": (
                                    "Coaches love stories, and stories are how we teach. Before "
                                    "telling one, ask yourself: would the teacher in this story "
                                    "be comfortable if they were standing next to me right now? "
                                    "If not, change enough details that nobody could recognize "
                                    "them, or tell a different story."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "video",
                            {
                                "url": "https://www.youtube.com/watch?v=mZ3vH8qLx0R",
                                "title": "What teachers told us about confidentiality",
                                "transcript": (
                                    "In anonymous interviews, teachers from our pilot schools "
                                    "describe what made them willing, or unwilling, to ask a "
                                    "liaison for help. Several say they first tested the liaison "
                                    "with a small, low-stakes question and watched whether it "
                                    "came back to them. One teacher describes stopping all "
                                    "contact after hearing her struggle mentioned in a staff "
                                    "meeting, even though her name was not used. The common "
                                    "message is that confidentiality is judged by what teachers "
                                    "see, not by what coaches promise."
                                ),
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Think of the last story you told about a colleague's "
                                    "teaching, in any setting. Would it pass the 'standing next "
                                    "to me' test? What would you change?"
                                ),
                                "guidance": (
                                    "This is a private reflection. Be honest with yourself; "
                                    "nobody else will see the specifics."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Confidentiality is what makes teachers willing to ask for "
                                    "help at all.",
                                    "Share patterns freely; share people only with explicit "
                                    "permission.",
                                    "Most breaches are casual, through stories and passing "
                                    "remarks, and in small schools details can identify people "
                                    "without names.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "When Trust Is Tested",
                    "slug": "when-trust-is-tested",
                    "summary": (
                        "Prepare for the moments when an administrator, a colleague or your own "
                        "mistake puts confidentiality under pressure."
                    ),
                    "estimated_minutes": 30,
                    "body": [
                        (
                            "rich_text",
                            "<p>Even with a good partnership agreement, your commitment to "
                            "confidentiality will be tested. Usually the test comes from someone "
                            "with good intentions and a real problem, which is what makes it "
                            "hard. Having thought through your response in advance means you can "
                            "be both honest and kind in the moment, rather than either giving in "
                            "or sounding defensive.</p>",
                        ),
                        ("heading", "When the principal asks about a teacher"),
                        (
                            "rich_text",
                            "<p>Your principal catches you after a meeting: 'You've been working "
                            "with Mr Alvarez. Is he getting anywhere with the new platform? "
                            "Parents are complaining.' The principal has a legitimate concern and "
                            "is not trying to trap you. But if you answer, you have become part "
                            "of the supervision of that teacher.</p><p>A response that holds the "
                            "line without closing the door might be: <i>'I keep coaching "
                            "conversations confidential, otherwise teachers stop coming. What I "
                            "can do is help you plan how to raise it with him directly, and if he "
                            "would find it useful, I am happy to support him afterwards.'</i> "
                            "Then point back to your partnership agreement if you need to. Most "
                            "administrators, reminded of the agreement they signed, respect "
                            "it.</p>",
                        ),
                        ("heading", "When you see something that worries you"),
                        (
                            "rich_text",
                            "<p>Sometimes during a classroom visit you notice something that "
                            "concerns you. It is important to separate two very different kinds "
                            "of concern.</p><ul><li><b>Concerns about student safety</b> are "
                            "never covered by coaching confidentiality. If a student may be at "
                            "risk, you follow the school's safeguarding procedures exactly as any "
                            "other member of staff would. Your teachers should already know this, "
                            "because it is in your confidentiality norms.</li><li><b>Concerns "
                            "about teaching quality</b> are a different matter. They belong in "
                            "your coaching conversation with the teacher, raised honestly and "
                            "with care. They do not belong in a report to the administrator, "
                            "however tempted you may be to see them addressed quickly.</li></ul>",
                        ),
                        ("heading", "When you get it wrong"),
                        (
                            "rich_text",
                            "<p>At some point you will say something you should not have said, or "
                            "realize that a story you told was more recognizable than you "
                            "thought. When that happens, tell the teacher yourself, before they "
                            "hear it from someone else. Apologize plainly, without excuses, and "
                            "ask what would help. Repair done quickly and honestly often leaves "
                            "the relationship stronger than before, because the teacher has seen "
                            "how you act when it costs you something.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "quote",
                                "title": "",
                                "text": (
                                    "My principal asked me who was 'resisting' the new platform. "
                                    "I said I couldn't answer that, but I could tell her that "
                                    "most of the questions I was getting were about grading, and "
                                    "offered to run a session on it. She booked the session on "
                                    "the spot. She never asked me about a named teacher again."
                                ),
                                "attribution": "A high-school liaison in our pilot cohort",
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with a fellow liaison this week: rehearse the hard "
                                    "question"
                                ),
                                "instructions": (
                                    "<p>Pair up with another liaison, in person or by video call, "
                                    "for fifteen minutes.</p><ul><li>Take turns playing an "
                                    "administrator who asks about a named teacher. Make the "
                                    "question realistic and well-intentioned.</li><li>The liaison "
                                    "responds, holding confidentiality while offering something "
                                    "genuinely useful.</li><li>Swap roles, then discuss: which "
                                    "responses sounded defensive, and which sounded like a "
                                    "partner?</li></ul><p>Write down the sentence that felt most "
                                    "natural to you, and keep it somewhere you will see it.</p>"
                                ),
                                "time_estimate_minutes": 20,
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Which of these three tests (the administrator's question, "
                                    "the worrying observation, your own mistake) do you feel "
                                    "least ready for, and what would help you prepare?"
                                ),
                                "guidance": (
                                    "Consider who else you could talk to: your liaison network, "
                                    "your district coordinator, or a trusted colleague outside "
                                    "your school."
                                ),
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "With the Willing or With All",
            "slug": "with-the-willing-or-with-all",
            "summary": (
                "Every liaison has to decide where to spend limited hours: with the teachers who "
                "are keen, or with everyone. This module explores both, and how to reach the "
                "teachers who hang back."
            ),
            "lessons": [
                {
                    "title": "Starting with the Willing",
                    "slug": "starting-with-the-willing",
                    "summary": (
                        "See why working first with eager teachers builds momentum, and how to "
                        "avoid the trap of only ever working with them."
                    ),
                    "estimated_minutes": 25,
                    "body": [
                        (
                            "rich_text",
                            "<p>In your first term, you will notice that some teachers seek you "
                            "out immediately. They come to office hours in the first week, ask "
                            "about tools they have read about, and volunteer their classes. It is "
                            "tempting to feel slightly guilty about spending time with them: "
                            "surely the teachers who need the most help are the ones who are not "
                            "asking?</p><p>In fact, starting with the willing is usually the "
                            "right call. Willing teachers are more likely to finish a coaching "
                            "cycle, which means you learn how cycles work on your campus. Their "
                            "successes give you real examples, from real local classrooms, to "
                            "share with permission. And they are often respected by colleagues, "
                            "so when a hesitant teacher sees a trusted peer using something, the "
                            "idea feels less like an initiative and more like something people "
                            "here do.</p>",
                        ),
                        ("heading", "Making early work visible"),
                        (
                            "rich_text",
                            "<p>Early wins only build momentum if other teachers see them. With "
                            "each willing teacher's agreement, look for low-key ways to make "
                            "their work visible:</p><ul><li>Invite them to show a five-minute "
                            "example at a tech club session or team meeting.</li><li>Ask if "
                            "colleagues may drop in to watch a lesson, with the teacher in charge "
                            "of the invitation.</li><li>Share a photograph of student work, or a "
                            "short quote from a student, in the staff "
                            "newsletter.</li><li>Encourage them to tell a teammate over lunch. "
                            "Word of mouth from a peer is worth more than any announcement from "
                            "you.</li></ul>",
                        ),
                        (
                            "callout",
                            {
                                "style": "warning",
                                "title": "The inner circle problem",
                                "text": (
                                    "If the same five enthusiasts get all your time for the whole "
                                    "year, other staff may come to see coaching as a club they "
                                    "are not part of. Keep a simple count of how many different "
                                    "teachers you have worked with, and deliberately widen the "
                                    "circle each month."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with a teacher this week: invite an early adopter "
                                    "to share"
                                ),
                                "instructions": (
                                    "<p>Choose one teacher whose recent work with you went well. "
                                    "Ask whether they would be willing to share it with "
                                    "colleagues, and in what form they would be comfortable: a "
                                    "five-minute show-and-tell, an open classroom, or simply a "
                                    "photograph of student work with their name on it.</p><p>Make "
                                    "it easy to say no. Then help them prepare, so the sharing "
                                    "feels like a pleasure rather than a performance.</p>"
                                ),
                                "time_estimate_minutes": 20,
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "List the teachers you have worked with so far this year. Who "
                                    "is missing from the list, and what might they have in common?"
                                ),
                                "guidance": (
                                    "Look for patterns such as grade level, department, years of "
                                    "experience or the time of day they are free. Missing groups "
                                    "often reflect scheduling, not attitude."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Willing teachers complete cycles, create local examples and "
                                    "influence their peers.",
                                    "Early wins spread only when they are made visible, with the "
                                    "teacher's permission.",
                                    "Count how many different teachers you serve, and widen the "
                                    "circle on purpose.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Understanding Hesitant Teachers",
                    "slug": "understanding-hesitant-teachers",
                    "summary": (
                        "Look beneath hesitation to the reasons behind it, and find respectful "
                        "ways in."
                    ),
                    "estimated_minutes": 30,
                    "body": [
                        (
                            "rich_text",
                            "<p>It is easy to label teachers who do not come to you as resistant. "
                            "The label is rarely accurate and never helpful. Most hesitation has "
                            "good reasons behind it, and those reasons usually make sense once "
                            "you understand them. A teacher who has watched three platforms come "
                            "and go in five years is not being stubborn when they wait to see "
                            "whether the fourth one lasts; they are being "
                            "rational.</p><p>Coaching hesitant teachers starts with curiosity "
                            "rather than persuasion. You are trying to understand what the "
                            "hesitation is protecting, and whether there is a way to help that "
                            "respects it.</p>",
                        ),
                        ("heading", "Common reasons behind hesitation"),
                        (
                            "rich_text",
                            "<ul><li><b>Time.</b> The teacher is already stretched and sees any "
                            "new practice as more work. Start with something that saves time this "
                            "week, such as a faster way to do a task they already "
                            "do.</li><li><b>Past experience.</b> They have been burned by "
                            "technology failing in front of a class, or by initiatives that "
                            "vanished. Acknowledge that history openly; offer to be in the room "
                            "for the first attempt.</li><li><b>Professional identity.</b> They "
                            "are an excellent teacher without the technology, and rightly proud "
                            "of it. Frame your help as extending what they already do well, not "
                            "fixing a weakness.</li><li><b>Values.</b> They have genuine concerns "
                            "about screen time, privacy or equity. These are worth discussing "
                            "seriously, and they may be right about some of it.</li><li><b>Fear "
                            "of looking foolish.</b> Learning in front of colleagues feels "
                            "exposing. Offer private, one-on-one time, and share your own "
                            "mistakes freely.</li></ul>",
                        ),
                        (
                            "callout",
                            {
                                "style": "quote",
                                "title": "",
                                "text": (
                                    "I stopped trying to convince him. I asked him to show me how "
                                    "he ran his discussion circles, because everyone said they "
                                    "were brilliant. Two months later he asked me whether "
                                    "students could keep a record of the discussions online. It "
                                    "was his idea, and that made all the difference."
                                ),
                                "attribution": "A middle-school liaison in our pilot cohort",
                            },
                        ),
                        (
                            "video",
                            {
                                "url": "https://vimeo.com/517204488",
                                "title": "Listening to hesitation",
                                "transcript": (
                                    "Four veteran teachers talk frankly about why they were slow "
                                    "to work with their school's technology liaison. Their "
                                    "reasons include bad experiences with unreliable devices, "
                                    "worry about students' screen time, and a sense that they "
                                    "were being asked to fix something that was not broken. Each "
                                    "describes what finally helped: usually a liaison who asked "
                                    "about their teaching before mentioning any tool."
                                ),
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with a teacher this week: learn from a hesitant "
                                    "colleague"
                                ),
                                "instructions": (
                                    "<p>Identify a teacher who has not yet come to you. Instead "
                                    "of offering help, ask to learn something from them: a "
                                    "routine, a lesson structure, a way they handle a particular "
                                    "class.</p><ul><li>Visit or talk for ten to fifteen minutes, "
                                    "and be genuinely curious.</li><li>Do not mention technology "
                                    "unless they bring it up.</li><li>Afterwards, thank them "
                                    "specifically for what you learned.</li></ul><p>The aim is "
                                    "not to recruit them. It is to start a relationship in which "
                                    "you are not always the expert.</p>"
                                ),
                                "time_estimate_minutes": 20,
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Think of a teacher you might have privately labeled as "
                                    "resistant. Which of the reasons above might apply to them, "
                                    "and how would your approach change if that reason were true?"
                                ),
                                "guidance": (
                                    "Try to argue their case as fairly as you can, as if you were "
                                    "explaining their position to someone else."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Hesitation usually has sensible reasons: time, history, "
                                    "identity, values or fear of looking foolish.",
                                    "Curiosity about a teacher's existing practice opens more "
                                    "doors than persuasion.",
                                    "Concerns about screen time, privacy and equity deserve "
                                    "serious discussion, not a sales pitch.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "When the Work Is for Everyone",
                    "slug": "when-the-work-is-for-everyone",
                    "summary": (
                        "Support a school-wide expectation, such as a new platform, without "
                        "losing the trust that voluntary coaching depends on."
                    ),
                    "estimated_minutes": 30,
                    "body": [
                        (
                            "rich_text",
                            "<p>Sometimes the choice between the willing and everyone is made for "
                            "you. The district adopts a new learning platform and every teacher "
                            "must post assignments in it by October. The school commits to a new "
                            "approach to digital citizenship. Suddenly your role is to help all "
                            "staff meet a requirement, including those who did not ask for it and "
                            "may not agree with it.</p><p>This is a real tension for a coach. "
                            "Voluntary coaching depends on teachers choosing to come; a mandate "
                            "removes part of that choice. The liaisons in our pilot who handled "
                            "it best did not pretend the tension was not there. They were open "
                            "about the requirement, clear that they were not the ones enforcing "
                            "it, and generous with choice about everything that remained open.</p>",
                        ),
                        ("heading", "Offer choice within the requirement"),
                        (
                            "rich_text",
                            "<p>Even when the destination is fixed, the route usually is not. "
                            "Offer teachers choices about:</p><ul><li><b>Format.</b> Drop-in "
                            "office hours, a tech club session, a one-on-one appointment, a short "
                            "written guide or a recorded walkthrough.</li><li><b>Timing.</b> "
                            "Early sessions for teachers who want a head start, and late ones for "
                            "those who prefer to see how it goes for "
                            "others.</li><li><b>Company.</b> On their own, with their team, or "
                            "with a friend from another department.</li><li><b>Depth.</b> The "
                            "minimum needed to meet the requirement, or a deeper dive for those "
                            "who want to do more with it.</li></ul><p>Be clear about the "
                            "difference between the minimum and the extra. Teachers who only want "
                            "the minimum should get it quickly and respectfully, without the "
                            "sense that they are disappointing you.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "tip",
                                "title": "Separate the messenger from the mandate",
                                "text": (
                                    "Ask your administrator to announce the requirement and its "
                                    "deadline, and to introduce you as the support rather than "
                                    "the enforcer. If you are asked to track compliance, agree in "
                                    "your partnership agreement that this will be done from "
                                    "system reports, not from your coaching log."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "image",
                            {
                                "image": "office-hours",
                                "caption": (
                                    "During a school-wide rollout, extra drop-in office hours let "
                                    "teachers choose when and how they get help."
                                ),
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Think of a school-wide requirement you may be asked to "
                                    "support this year. What choices could you offer teachers "
                                    "within it, and what would you need to agree with your "
                                    "administrator first?"
                                ),
                                "guidance": (
                                    "Consider format, timing, company and depth. Note anything "
                                    "that would put your confidentiality commitments at risk."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Mandates remove some choice, so offer generous choice about "
                                    "everything else.",
                                    "Let administrators own the requirement; position yourself "
                                    "clearly as the support.",
                                    "Respect teachers who want only the minimum; meeting it "
                                    "quickly is a service too.",
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Office Hours and Tech Clubs",
            "slug": "office-hours-and-tech-clubs",
            "summary": (
                "Office hours and tech club sessions are the everyday engine of the liaison role. "
                "Learn to design both so teachers keep coming, and to protect the coaching hours "
                "you owe."
            ),
            "lessons": [
                {
                    "title": "Designing Office Hours Teachers Actually Use",
                    "slug": "designing-office-hours",
                    "summary": (
                        "Choose a time, place and tone for office hours that make it easy for "
                        "teachers to walk in."
                    ),
                    "estimated_minutes": 25,
                    "body": [
                        (
                            "rich_text",
                            "<p>Office hours are the simplest coaching structure you have: a "
                            "regular time when you are available, in a known place, for whoever "
                            "turns up. Done well, they become the front door to everything else. "
                            "A teacher who drops in with a small question in October may be in a "
                            "full coaching cycle by February.</p><p>Done badly, office hours "
                            "become an empty room where you mark your own books and wonder why "
                            "nobody comes. The difference usually lies in three practical "
                            "decisions: when, where and how welcoming it feels.</p>",
                        ),
                        ("heading", "Time, place and welcome"),
                        (
                            "rich_text",
                            "<ul><li><b>Time.</b> Ask teachers when they are actually free, "
                            "rather than choosing what suits your timetable. Before school, "
                            "common planning periods and the half hour after dismissal are often "
                            "best. Keep the time fixed for at least a term so that people can "
                            "form a habit.</li><li><b>Place.</b> Choose somewhere teachers "
                            "already pass: near the staff room, the copier or a shared workroom. "
                            "Your own classroom can work if it is central. A library corner with "
                            "a sign often outperforms a tucked-away "
                            "office.</li><li><b>Welcome.</b> Make it obvious that small questions "
                            "are welcome and that nothing is reported. Keep snacks if you can. "
                            "Greet people by name. Write a one-line follow-up after each visit, "
                            "so teachers know their question "
                            "mattered.</li><li><b>Flexibility.</b> Offer to come to a teacher's "
                            "room instead. Some teachers will never walk into a coaching space "
                            "but are happy to be visited.</li></ul>",
                        ),
                        (
                            "callout",
                            {
                                "style": "tip",
                                "title": "Theme weeks",
                                "text": (
                                    "If attendance is low, try a theme for each week tied to the "
                                    "school calendar: 'report card comments' before reports are "
                                    "due, 'parent evening slides' before parent evenings. A "
                                    "clear, timely reason to come brings in people who would "
                                    "never attend a general session."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "resource",
                            {
                                "document": "office-hours-sign-up",
                                "title": "Office hours sign-up sheet",
                                "description": (
                                    "A friendly sign-up sheet to post on your door or share "
                                    "online, with suggestions for what to bring and options for "
                                    "teachers who would rather you came to them."
                                ),
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with a teacher this week: ask three colleagues when "
                                    "office hours would suit them"
                                ),
                                "instructions": (
                                    "<p>Before you fix or change your office hours, ask three "
                                    "teachers with different schedules, such as a specialist, a "
                                    "new teacher and a team leader, when they would realistically "
                                    "be able to come and where they would find it "
                                    "easiest.</p><p>Compare their answers with your current "
                                    "arrangement. If there is a clear better option, change it, "
                                    "announce the change with a short note, and keep the new slot "
                                    "for the rest of the term.</p>"
                                ),
                                "time_estimate_minutes": 15,
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "If a nervous first-year teacher walked past your office "
                                    "hours tomorrow, what would tell them it was safe to come in? "
                                    "What might put them off?"
                                ),
                                "guidance": (
                                    "Think about signage, location, who else is in the room, and "
                                    "what they may have heard from colleagues."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Office hours are the front door to deeper coaching.",
                                    "Choose time and place for teachers' convenience, and keep "
                                    "them consistent.",
                                    "Make small questions welcome, follow up every visit, and "
                                    "offer to come to teachers instead.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Running a Tech Club Session That Sticks",
                    "slug": "running-a-tech-club-session",
                    "summary": (
                        "Plan short, hands-on PD sessions built around a real classroom problem, "
                        "so that teachers leave with something they will use."
                    ),
                    "estimated_minutes": 30,
                    "body": [
                        (
                            "image",
                            {
                                "image": "tech-club",
                                "caption": (
                                    "The best tech club sessions end with every teacher holding "
                                    "something they made for next week's lesson."
                                ),
                            },
                        ),
                        (
                            "rich_text",
                            "<p>Tech club sessions are short, regular professional learning "
                            "sessions that you lead, typically thirty to forty-five minutes after "
                            "school or during a shared planning time. They reach more teachers "
                            "than one-on-one work, and they are a natural place for teachers to "
                            "see each other's practice.</p><p>The most common mistake is to build "
                            "the session around a tool: 'Today we are going to look at the new "
                            "slideshow features.' Teachers attend, watch, and forget. Sessions "
                            "that stick are built around a classroom problem that teachers "
                            "already feel, and they end with every participant having made or "
                            "tried something real.</p>",
                        ),
                        ("heading", "A forty-minute shape that works"),
                        (
                            "rich_text",
                            "<ol><li><b>The problem (5 minutes).</b> Name a problem in teachers' "
                            "language, such as 'students never read my written feedback', and ask "
                            "where it shows up for them.</li><li><b>One example (7 minutes).</b> "
                            "Show a single, short example from a real classroom, ideally a "
                            "colleague's, with their permission. Keep the demonstration "
                            "brief.</li><li><b>Build time (18 minutes).</b> Teachers make "
                            "something for a lesson they are teaching this week. You circulate. "
                            "Pair confident and cautious teachers if they are happy to work "
                            "together.</li><li><b>Share (7 minutes).</b> Two or three teachers "
                            "show what they made. Celebrate partial attempts as much as polished "
                            "ones.</li><li><b>Exit and invitation (3 minutes).</b> Ask what they "
                            "will try and what might get in the way, and invite them to office "
                            "hours for help.</li></ol>",
                        ),
                        (
                            "callout",
                            {
                                "style": "note",
                                "title": "Mixed levels are normal",
                                "text": (
                                    "Every session will include someone who has never logged in "
                                    "and someone who knows more than you. Prepare a simple "
                                    "starting point and an extension challenge in advance, and "
                                    "invite the expert to help a neighbor. It turns a potential "
                                    "distraction into a resource."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "video",
                            {
                                "url": "https://www.youtube.com/watch?v=Bf2sLr7WnQa",
                                "title": "Inside a tech club session",
                                "transcript": (
                                    "The camera follows a forty-minute tech club session at an "
                                    "elementary school on the theme of quick audio feedback for "
                                    "young writers. The liaison spends only six minutes "
                                    "demonstrating, using a colleague's example, then teachers "
                                    "record feedback on real student work from their own classes. "
                                    "In the closing share, a kindergarten teacher plays a "
                                    "recording she made for a student, and several colleagues ask "
                                    "her how she did it."
                                ),
                            },
                        ),
                        (
                            "resource",
                            {
                                "document": "tech-club-session-plan",
                                "title": "Tech club session plan",
                                "description": (
                                    "A one-page planning template following the forty-minute "
                                    "shape, with space for differentiation, an exit question and "
                                    "a follow-up checklist."
                                ),
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "What classroom problem have you heard about most often this "
                                    "term, and how could you turn it into a tech club session "
                                    "with a clear thing for teachers to make?"
                                ),
                                "guidance": (
                                    "Look back at your listening tour notes and office-hours log. "
                                    "Write the problem in the words teachers used."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Build sessions around a classroom problem, not a tool.",
                                    "Keep demonstrations short and give most of the time to "
                                    "teachers making something real.",
                                    "Follow up within a week, or most of the session's value will "
                                    "fade.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Protecting and Counting Your Coaching Hours",
                    "slug": "protecting-and-counting-your-coaching-hours",
                    "summary": (
                        "Keep track of the coaching hours you owe, and defend them from the tasks "
                        "that quietly swallow them."
                    ),
                    "estimated_minutes": 25,
                    "body": [
                        (
                            "rich_text",
                            "<p>Most liaison roles come with an expectation of coaching hours: a "
                            "number of hours per term or year that you are expected to spend "
                            "supporting teachers. The expectation is reasonable. It keeps the "
                            "role focused, and it gives administrators and the district a simple "
                            "way to see the investment being used.</p><p>The difficulty is that "
                            "coaching hours are easily eroded. A colleague needs a quick fix; an "
                            "administrator asks you to set up devices for testing; a meeting "
                            "overruns. None of these are unreasonable requests on their own, but "
                            "together they can consume a term. The liaisons who met their hours "
                            "most comfortably in our pilot did two things: they knew clearly what "
                            "counted, and they logged as they went rather than reconstructing it "
                            "at the end of the month.</p>",
                        ),
                        ("heading", "What counts as coaching"),
                        (
                            "rich_text",
                            "<p>Definitions vary by district, so check yours. A common and "
                            "sensible approach counts time spent directly supporting teachers' "
                            "practice:</p><ul><li>Office hours, whether or not anyone came, "
                            "because being available is part of the service.</li><li>One-on-one "
                            "and small-group coaching, including cycle "
                            "meetings.</li><li>Modeling, co-teaching and invited observations "
                            "with a debrief.</li><li>Leading tech club sessions, plus a "
                            "reasonable amount of preparation time.</li></ul><p>Time that usually "
                            "does <b>not</b> count includes technical support, device management, "
                            "covering classes, and your own professional learning. These things "
                            "may be valuable, but they are not coaching, and counting them "
                            "weakens the case for the role.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "warning",
                                "title": "Log it the same day",
                                "text": (
                                    "Liaisons who log contacts weekly or monthly consistently "
                                    "under-count, because short conversations are forgotten. A "
                                    "two-minute habit at the end of each day, even a line in a "
                                    "notebook, gives a far more accurate picture and far less "
                                    "stress at reporting time."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with a teacher this week: log every contact for "
                                    "five days"
                                ),
                                "instructions": (
                                    "<p>For five school days, record every coaching contact on "
                                    "the day it happens, using the coaching log template or your "
                                    "district's form. Include date, minutes, format, a teacher "
                                    "code and the focus.</p><p>At the end of the week, total your "
                                    "minutes by format and compare them with what you would have "
                                    "guessed. Also note any time that went to non-coaching tasks, "
                                    "and where it came from.</p>"
                                ),
                                "time_estimate_minutes": 15,
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Where did your time actually go last week? Which "
                                    "non-coaching requests could you redirect, and to whom?"
                                ),
                                "guidance": (
                                    "Be concrete. For each redirected task, name the proper "
                                    "channel (help desk, office staff, department head) and the "
                                    "sentence you will use."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Know exactly what your district counts as coaching time.",
                                    "Log contacts on the same day; memory consistently "
                                    "under-counts.",
                                    "Redirect non-coaching tasks kindly and consistently to the "
                                    "right channel.",
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Measuring, Reflecting and Growing",
            "slug": "measuring-reflecting-and-growing",
            "summary": (
                "Collect evidence that shows what coaching is changing, use it to reflect "
                "honestly on your own practice, and keep growing with the support of other "
                "liaisons."
            ),
            "lessons": [
                {
                    "title": "Collecting Data That Means Something",
                    "slug": "collecting-data-that-means-something",
                    "summary": (
                        "Gather evidence at three levels, from activity to student learning, "
                        "without turning coaching into surveillance."
                    ),
                    "estimated_minutes": 30,
                    "body": [
                        (
                            "image",
                            {
                                "image": "data-reflection",
                                "caption": (
                                    "Good coaching data tells a story about teachers and "
                                    "students, not just a count of hours."
                                ),
                            },
                        ),
                        (
                            "rich_text",
                            "<p>Liaisons collect data for two reasons. The first is "
                            "accountability: your administrator and district want to know that "
                            "the role is being used well, and they are entitled to. The second, "
                            "and more important for you, is learning: without evidence, it is "
                            "very hard to tell which of your efforts are making a difference and "
                            "which only feel productive.</p><p>The risk is that data collection "
                            "becomes an end in itself, or worse, that it starts to feel to "
                            "teachers like monitoring. The approach in this lesson keeps data "
                            "light, useful and respectful of the confidentiality you have "
                            "promised.</p>",
                        ),
                        ("heading", "Three layers of evidence"),
                        (
                            "rich_text",
                            "<ol><li><b>Activity.</b> What you did: coaching hours, sessions "
                            "held, number of different teachers served, formats used. This comes "
                            "straight from your coaching log and is easy to share as totals. It "
                            "shows reach, but not impact.</li><li><b>Teacher experience and "
                            "practice.</b> What teachers thought and did: short feedback "
                            "questions after sessions, the number of teachers who tried something "
                            "afterwards, changes you can see in lesson plans or classroom "
                            "routines. This shows whether coaching is useful and whether it "
                            "travels into classrooms.</li><li><b>Student learning.</b> What "
                            "changed for students: samples of student work before and after a "
                            "cycle, exit ticket results, attendance at catch-up resources, "
                            "students' own comments. This is the hardest layer to collect and the "
                            "most persuasive. You do not need it for everything; two or three "
                            "well-documented cycles a year are enough.</li></ol><p>Aim for a "
                            "little at every layer rather than a great deal at one.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "warning",
                                "title": "Data must not become surveillance",
                                "text": (
                                    "Never collect information about individual teachers that you "
                                    "would not be comfortable showing to those teachers. Report "
                                    "activity and feedback as totals and themes. Student work "
                                    "from a coaching cycle belongs to the teacher, and is shared "
                                    "only with their agreement."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "resource",
                            {
                                "document": "teacher-feedback-questions",
                                "title": "Teacher feedback questions",
                                "description": (
                                    "A bank of short questions to use after coaching cycles, "
                                    "office hours and tech club sessions, with notes on reading "
                                    "the answers for patterns rather than verdicts."
                                ),
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with a teacher this week: plan the evidence for one "
                                    "cycle"
                                ),
                                "instructions": (
                                    "<p>With a teacher you are starting a cycle with, agree at "
                                    "the goal meeting what you will look at to know whether it "
                                    "worked.</p><ul><li>Choose one simple piece of student "
                                    "evidence: three pieces of work before and after, an exit "
                                    "question, or a quick count.</li><li>Agree who will collect "
                                    "it and when.</li><li>Agree what, if anything, may be shared "
                                    "beyond the two of you, and in what form.</li></ul><p>Write "
                                    "the plan into your coaching log so you remember to return to "
                                    "it at the reflection meeting.</p>"
                                ),
                                "time_estimate_minutes": 20,
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Collect a little evidence at each layer: activity, teacher "
                                    "experience and practice, and student learning.",
                                    "Two or three well-documented cycles tell a more convincing "
                                    "story than a long list of hours.",
                                    "Report totals and themes; never collect anything about a "
                                    "teacher you would not show them.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Reflecting on Your Practice with Data",
                    "slug": "reflecting-on-your-practice-with-data",
                    "summary": (
                        "Build a short monthly routine for looking at your own coaching data and "
                        "deciding what to change."
                    ),
                    "estimated_minutes": 25,
                    "body": [
                        (
                            "rich_text",
                            "<p>Data that sits in a spreadsheet changes nothing. The value comes "
                            "when you sit down with it regularly and ask honest questions about "
                            "your own practice. Who am I reaching, and who am I missing? Which "
                            "formats lead to teachers trying things with students? Where is my "
                            "time actually going?</p><p>This kind of reflection is uncomfortable "
                            "at first, because the answers are not always flattering. A liaison "
                            "in our pilot discovered that almost all her coaching hours were "
                            "going to one grade level, simply because her office hours fell "
                            "during their planning period. Nothing was wrong with her coaching; "
                            "the pattern was invisible until she looked.</p>",
                        ),
                        ("heading", "A monthly reflection routine"),
                        (
                            "rich_text",
                            "<ol><li><b>Total your log</b> (10 minutes). Minutes by format, "
                            "number of different teachers, number of new teachers this "
                            "month.</li><li><b>Read your feedback</b> (10 minutes). Skim teacher "
                            "responses for patterns, paying special attention to what got in the "
                            "way.</li><li><b>Ask three questions</b> (10 minutes). Who did I "
                            "reach, and who did I miss? What seemed to make the biggest "
                            "difference? What will I do differently next month?</li><li><b>Write "
                            "one paragraph</b> (5 minutes). A short, honest summary that you can "
                            "build on for your administrator check-in, with names "
                            "removed.</li></ol><p>Forty minutes a month is enough. Put it in your "
                            "calendar as a recurring appointment with yourself.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "tip",
                                "title": "Share what you changed",
                                "text": (
                                    "When teachers' feedback leads you to change something, such "
                                    "as moving office hours or adjusting a session format, tell "
                                    "them. It shows their feedback matters, and it is one of the "
                                    "quickest ways to build trust with the whole staff."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "video",
                            {
                                "url": "https://www.youtube.com/watch?v=Hn6cJw3pYtE",
                                "title": "A liaison's monthly review, in real time",
                                "transcript": (
                                    "A liaison shares her screen and talks through her monthly "
                                    "review. She totals her coaching log, notices that tech club "
                                    "attendance has dropped while one-on-one requests have risen, "
                                    "and reads teacher feedback suggesting that late-afternoon "
                                    "sessions clash with sports duties. She decides to move one "
                                    "tech club session to a morning slot and to turn a popular "
                                    "one-on-one topic into a small-group session."
                                ),
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "Look at your coaching data for the last month, however "
                                    "rough. What is one pattern you notice, and what is one thing "
                                    "you will change because of it?"
                                ),
                                "guidance": (
                                    "If you do not yet have a month of data, reflect on what you "
                                    "would most like your data to show you, and what you need to "
                                    "start recording."
                                ),
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with your administrator this month: a one-page "
                                    "summary"
                                ),
                                "instructions": (
                                    "<p>Prepare a one-page summary for your next check-in with "
                                    "your administrator. Include:</p><ul><li>Coaching totals for "
                                    "the month and the term so far.</li><li>Two or three themes "
                                    "from teachers' questions and feedback, without "
                                    "names.</li><li>One story of change, shared with the "
                                    "teacher's permission.</li><li>One thing you plan to change "
                                    "next month, and any help you need.</li></ul><p>Keep it "
                                    "short. The aim is a useful conversation, not a report that "
                                    "nobody reads.</p>"
                                ),
                                "time_estimate_minutes": 40,
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Data only helps when you look at it regularly and honestly.",
                                    "Forty minutes a month is enough: total, read, ask three "
                                    "questions, write a paragraph.",
                                    "Tell teachers what you changed because of their feedback.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Growing as a Coach",
                    "slug": "growing-as-a-coach",
                    "summary": (
                        "Use your liaison network, your own goals and honest feedback to keep "
                        "growing in the role."
                    ),
                    "estimated_minutes": 25,
                    "body": [
                        (
                            "rich_text",
                            "<p>The liaison role can be lonely. You are no longer quite one of "
                            "the teaching team, and you are certainly not part of the "
                            "administration. Many of the hardest moments, such as a "
                            "confidentiality dilemma, a session that fell flat or a teacher who "
                            "stopped coming, cannot be discussed with anyone on your own campus "
                            "without risking the trust you have built.</p><p>That is one reason "
                            "the monthly liaison meetings matter. They are a place to bring real "
                            "problems, with names removed, to people who understand the role from "
                            "the inside. They are also where you can see how other liaisons "
                            "solved the problem you are facing now.</p>",
                        ),
                        ("heading", "Making the most of monthly liaison meetings"),
                        (
                            "rich_text",
                            "<ul><li><b>Bring a real problem.</b> Come with one specific "
                            "situation you would like help with, described without identifying "
                            "anyone. Problems are more useful to a group than "
                            "successes.</li><li><b>Use a simple consultancy protocol.</b> One "
                            "liaison describes the problem for five minutes, others ask "
                            "clarifying questions, then discuss possible approaches while the "
                            "presenter listens, then the presenter reflects on what was "
                            "useful.</li><li><b>Swap materials.</b> Session plans, feedback "
                            "questions and handouts are worth sharing generously. Nobody should "
                            "design a tech club session from scratch if a colleague ran a similar "
                            "one last month.</li><li><b>Visit each other.</b> If you can, watch "
                            "another liaison run a tech club session or office hours once a term. "
                            "It is the quickest way to pick up new moves.</li></ul>",
                        ),
                        (
                            "callout",
                            {
                                "style": "quote",
                                "title": "",
                                "text": (
                                    "The monthly meeting is where I found out I wasn't the only "
                                    "one whose principal kept asking who was behind. Hearing how "
                                    "three other people had handled it gave me the courage to "
                                    "have the conversation."
                                ),
                                "attribution": "A liaison in our second pilot year",
                            },
                        ),
                        ("heading", "Setting your own coaching goal"),
                        (
                            "rich_text",
                            "<p>You ask teachers to set goals and reflect on evidence; it is "
                            "worth doing the same for yourself. Choose one aspect of your "
                            "coaching to focus on this term, such as asking better questions, "
                            "finishing cycles, or reaching a group of teachers you have not yet "
                            "served. Decide what evidence would show progress: perhaps recording "
                            "a coaching conversation with permission and counting your open "
                            "questions, or tracking how many cycles reach the reflection stage. "
                            "Share the goal with a fellow liaison and ask them to check in with "
                            "you.</p><p>Growth in this role is rarely dramatic. It shows up as "
                            "slightly better conversations, slightly fuller office hours, and a "
                            "slowly widening circle of teachers who trust you. Over a year or "
                            "two, those small changes add up to a school where trying something "
                            "new in front of students feels normal.</p>",
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "What is one aspect of your coaching you want to improve this "
                                    "term, what evidence would show progress, and who will you "
                                    "ask to hold you to it?"
                                ),
                                "guidance": (
                                    "Keep the goal small and specific. 'Ask more open questions "
                                    "in goal meetings' is easier to work on than 'become a better "
                                    "coach'."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "The liaison role can be isolating; the liaison network is "
                                    "where real problems can be discussed safely.",
                                    "Bring problems, not just successes, to monthly meetings, and "
                                    "share materials generously.",
                                    "Set yourself a coaching goal with evidence, just as you ask "
                                    "of teachers.",
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}

SECOND = {
    "title": "Leading Tech Club PD Sessions",
    "slug": "leading-tech-club-pd-sessions",
    "summary": (
        "A short, self-paced course on planning and leading tech club sessions that start from a "
        "real classroom problem and end with teachers trying something with students."
    ),
    "intro": (
        "<p>Tech club sessions are short, regular professional learning sessions led by a "
        "school's technology liaison, usually thirty to forty-five minutes long. They reach more "
        "teachers than one-on-one coaching and give colleagues a chance to learn from each "
        "other.</p><p>This short course walks you through a single session from idea to "
        "follow-up. It works well on its own, or as a companion to the module on office hours and "
        "tech clubs in <i>Coaching from Theory to Practice</i>.</p>"
    ),
    "outcomes": [
        "Choose a session focus based on a classroom problem that teachers already feel.",
        "Facilitate a hands-on session for teachers with widely different levels of confidence.",
        "Follow up after a session so that more teachers try the idea with students.",
        "Use simple feedback to improve the next session.",
    ],
    "audience": (
        "Technology liaisons and teacher leaders who run, or are about to run, short after-school "
        "or planning-time PD sessions for colleagues."
    ),
    "estimated_hours": 3,
    "paces": ["self_paced"],
    "hero_image": "tech-club",
    "modules": [
        {
            "title": "Planning and Leading a Tech Club Session",
            "slug": "planning-and-leading-a-tech-club-session",
            "summary": (
                "Three short lessons that take one tech club session from choosing a focus, "
                "through facilitating the room, to following up afterwards."
            ),
            "lessons": [
                {
                    "title": "Choosing a Problem Worth a Session",
                    "slug": "choosing-a-problem-worth-a-session",
                    "summary": (
                        "Pick a session focus that starts from what teachers are struggling with, "
                        "not from the newest tool."
                    ),
                    "estimated_minutes": 20,
                    "body": [
                        (
                            "rich_text",
                            "<p>The title of a tech club session decides who comes. 'Introduction "
                            "to the new quiz features' attracts the teachers who already like "
                            "quizzes. 'Finding out who is lost before the unit test, in five "
                            "minutes' attracts anyone who has been surprised by a set of test "
                            "results, which is almost everyone.</p><p>Good session topics come "
                            "from listening. Look back at your office-hours notes, your "
                            "conversations in team meetings and the questions teachers ask in the "
                            "corridor. The best candidates are problems that many teachers share, "
                            "that recur every week, and that a modest change in practice could "
                            "ease. Only then decide which tool, if any, "
                            "helps.</p><ul><li><b>Shared:</b> more than one team or grade has "
                            "mentioned it.</li><li><b>Frequent:</b> it comes up weekly, not once "
                            "a year.</li><li><b>Manageable:</b> a teacher could try something "
                            "about it the following week.</li></ul>",
                        ),
                        (
                            "callout",
                            {
                                "style": "tip",
                                "title": "Name it in teachers' words",
                                "text": (
                                    "Use the exact phrase teachers used when they told you about "
                                    "the problem. A session called 'Marking is eating my "
                                    "weekends' will fill a room faster than any title about "
                                    "features."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "resource",
                            {
                                "document": "tech-club-session-plan",
                                "title": "Tech club session plan",
                                "description": (
                                    "A one-page template that starts with the classroom problem "
                                    "and the one thing every teacher will make or try."
                                ),
                            },
                        ),
                        (
                            "reflection_prompt",
                            {
                                "prompt": (
                                    "List three problems you have heard teachers describe this "
                                    "month. Which one is the most shared, frequent and "
                                    "manageable, and how would you title a session about it?"
                                ),
                                "guidance": (
                                    "If you have not heard enough yet, ask two colleagues this "
                                    "week what takes more time than it should."
                                ),
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Start from a classroom problem, and choose the tool "
                                    "afterwards.",
                                    "Good topics are shared, frequent and manageable within a "
                                    "week.",
                                    "Title the session in teachers' own words.",
                                ],
                            },
                        ),
                    ],
                },
                {
                    "title": "Facilitating a Room of Mixed Confidence",
                    "slug": "facilitating-a-room-of-mixed-confidence",
                    "summary": (
                        "Run the hands-on part of a session so that beginners and experts both "
                        "leave with something useful."
                    ),
                    "estimated_minutes": 25,
                    "body": [
                        (
                            "rich_text",
                            "<p>Every tech club session includes teachers at very different "
                            "starting points. One person will be unsure how to log in; another "
                            "will have been using the tool for years. If you pitch the session at "
                            "the middle, the beginner feels lost and the expert feels bored. A "
                            "little preparation lets you serve both.</p>",
                        ),
                        ("heading", "Three preparations that make the difference"),
                        (
                            "rich_text",
                            "<ul><li><b>A ready-made starting point.</b> Prepare a template or "
                            "half-finished example that a beginner can adapt in ten minutes, so "
                            "they leave with something that works.</li><li><b>An extension "
                            "challenge.</b> Have one or two extra ideas ready for teachers who "
                            "finish quickly, such as adding student choice or reusing the "
                            "resource across classes.</li><li><b>A plan for pairs.</b> Invite "
                            "confident teachers to sit with a neighbor who is newer to the tool, "
                            "and frame it as a favor to you rather than a judgment of anyone's "
                            "skill.</li></ul><p>While teachers build, keep moving. Crouch beside "
                            "people rather than standing over them, ask what lesson they are "
                            "making this for, and praise specific choices. Keep your hands off "
                            "the keyboard: if you take over, the teacher learns that you can do "
                            "it, not that they can.</p>",
                        ),
                        (
                            "callout",
                            {
                                "style": "note",
                                "title": "When the technology fails",
                                "text": (
                                    "Something will go wrong: the network slows, a login fails, a "
                                    "device will not update. Stay calm, say so cheerfully, and "
                                    "switch to a paper or planning version of the task. Teachers "
                                    "are watching how you handle failure, because they are "
                                    "imagining it happening in front of their own class."
                                ),
                                "attribution": "",
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with a teacher this week: test your starting point"
                                ),
                                "instructions": (
                                    "<p>Before your next session, ask a colleague who is new to "
                                    "the tool to try your ready-made starting point for ten "
                                    "minutes while you watch without helping.</p><p>Note every "
                                    "moment they hesitate or ask a question. Simplify the "
                                    "starting point or add a short printed guide to address each "
                                    "one.</p>"
                                ),
                                "time_estimate_minutes": 20,
                            },
                        ),
                    ],
                },
                {
                    "title": "Following Up So It Sticks",
                    "slug": "following-up-so-it-sticks",
                    "summary": (
                        "Turn good intentions from a session into classroom practice with a few "
                        "small follow-up steps."
                    ),
                    "estimated_minutes": 20,
                    "body": [
                        (
                            "rich_text",
                            "<p>At the end of a good session, most teachers intend to try the "
                            "idea. A week later, many have not, not because they changed their "
                            "minds but because the week happened. Follow-up is how you close that "
                            "gap, and it takes far less time than the session "
                            "itself.</p><ul><li><b>Within two days:</b> send a short recap with "
                            "the example you showed, a brief how-to and a reminder of office "
                            "hours.</li><li><b>Within a week:</b> check in personally with two or "
                            "three teachers who said they would try it. Ask how it went, not "
                            "whether they did it.</li><li><b>Before the next session:</b> ask a "
                            "teacher who tried it whether they would share what happened, even if "
                            "it went badly.</li></ul>",
                        ),
                        (
                            "resource",
                            {
                                "document": "teacher-feedback-questions",
                                "title": "Teacher feedback questions",
                                "description": (
                                    "Choose three or four of these questions to send after a "
                                    "session. Pay special attention to the answers about what got "
                                    "in the way."
                                ),
                            },
                        ),
                        (
                            "practice_task",
                            {
                                "title": (
                                    "Try this with a teacher this week: a two-question check-in"
                                ),
                                "instructions": (
                                    "<p>A few days after your next session, find two teachers who "
                                    "attended and ask them just two questions: 'Did you get a "
                                    "chance to try it?' and 'What got in the way, or what "
                                    "happened?'</p><p>Record their answers without names, and use "
                                    "them to adjust your next session plan.</p>"
                                ),
                                "time_estimate_minutes": 15,
                            },
                        ),
                        (
                            "key_takeaways",
                            {
                                "items": [
                                    "Most of a session's value is lost without follow-up within a "
                                    "week.",
                                    "Ask how it went rather than whether teachers did it.",
                                    "Barriers teachers name are the best guide to your next "
                                    "session.",
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}

COURSES = [FLAGSHIP, SECOND]

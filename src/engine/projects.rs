use crate::model::Scenario;

/// Counts and investment per project group: what the plan states and what the list holds.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupTotal {
    pub key: String,
    pub stated_count: u32,
    pub stated_investment_yi_yuan: f64,
    pub listed_count: u32,
    /// Sum of the listed projects' known investments.
    pub listed_investment_yi_yuan: f64,
    /// Listed projects whose investment is not known.
    pub listed_without_investment: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProjectTotals {
    pub groups: Vec<GroupTotal>,
    pub stated_count: u32,
    pub stated_investment_yi_yuan: f64,
    pub listed_count: u32,
    /// Listed projects whose group the plan does not give.
    pub ungrouped_count: u32,
}

pub fn project_totals(scenario: &Scenario) -> ProjectTotals {
    let groups: Vec<GroupTotal> = scenario
        .project_groups
        .iter()
        .map(|group| {
            let members = scenario.projects.iter().filter(|p| p.group == group.key);
            let (mut listed_count, mut listed_investment, mut without) = (0, 0.0, 0);
            for project in members {
                listed_count += 1;
                match project.investment_yi_yuan {
                    Some(amount) => listed_investment += amount,
                    None => without += 1,
                }
            }
            GroupTotal {
                key: group.key.clone(),
                stated_count: group.stated_count,
                stated_investment_yi_yuan: group.stated_investment_yi_yuan,
                listed_count,
                listed_investment_yi_yuan: listed_investment,
                listed_without_investment: without,
            }
        })
        .collect();
    let ungrouped_count = scenario
        .projects
        .iter()
        .filter(|p| !scenario.project_groups.iter().any(|g| g.key == p.group))
        .count() as u32;
    ProjectTotals {
        stated_count: groups.iter().map(|g| g.stated_count).sum(),
        stated_investment_yi_yuan: groups.iter().map(|g| g.stated_investment_yi_yuan).sum(),
        listed_count: scenario.projects.len() as u32,
        ungrouped_count,
        groups,
    }
}

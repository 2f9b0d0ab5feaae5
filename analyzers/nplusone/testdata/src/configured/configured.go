package configured

import "xorm.io/xorm"

type TaskPosition struct{ TaskID, ViewID int64 }

// vikunja's filterNewTaskPositions, before its fix: xorm is known only
// through .apilint.yml (apis.queries).
func filter(s *xorm.Session, positions []TaskPosition) {
	for _, p := range positions {
		s.Where("task_id = ? AND project_view_id = ?", p.TaskID, p.ViewID).Exist(&TaskPosition{}) // want `N\+1: \(\*xorm.Session\).Exist runs once per element of positions`
	}
}
